ALTER TABLE items RENAME INDEX items_sku_unique TO items_sku_uq;
ALTER TABLE items CHANGE COLUMN quantity qty INT NOT NULL DEFAULT 0;
