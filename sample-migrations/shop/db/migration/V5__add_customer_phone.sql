-- Additive: the older release simply does not know the column.
ALTER TABLE customers ADD COLUMN phone VARCHAR(32);
