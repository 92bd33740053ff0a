-- v1.3.1: "orders.total_cents" becomes "order_records.amount_cents", the expand/contract way.
-- The table moves to a new name and a view keeps the old name and the old column, so
-- v1.3.0 keeps reading and writing "orders" (a simple view is automatically updatable).
-- The view is dropped in a later release, once no deployed release uses the old names.
ALTER TABLE orders RENAME TO order_records;
ALTER TABLE order_records RENAME COLUMN total_cents TO amount_cents;
CREATE VIEW orders AS
    SELECT id, customer_id, status, amount_cents AS total_cents, created_at
    FROM order_records;
