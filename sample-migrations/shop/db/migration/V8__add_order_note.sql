-- Additive: a nullable column the older release does not need to know about.
ALTER TABLE order_records ADD COLUMN note TEXT;
