ALTER TABLE order_records DROP COLUMN note;
