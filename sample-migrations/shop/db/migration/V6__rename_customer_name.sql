-- v1.3.0: "name" becomes "full_name", renamed in place.
-- The v1.2.9 application still selects and inserts customers.name: rolling the
-- application back while keeping this schema breaks every customer query.
ALTER TABLE customers RENAME COLUMN name TO full_name;
