DROP VIEW orders;
ALTER TABLE order_records RENAME COLUMN amount_cents TO total_cents;
ALTER TABLE order_records RENAME TO orders;
