-- MySQL renames with CHANGE COLUMN, which also restates the whole column definition.
ALTER TABLE items CHANGE COLUMN qty quantity INT NOT NULL DEFAULT 0;
ALTER TABLE items RENAME INDEX items_sku_uq TO items_sku_unique;
