CREATE TABLE orders (
    id          BIGSERIAL PRIMARY KEY,
    customer_id BIGINT      NOT NULL REFERENCES customers (id),
    status      VARCHAR(20) NOT NULL DEFAULT 'new',
    total_cents INTEGER     NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE order_items (
    order_id    BIGINT  NOT NULL REFERENCES orders (id),
    product_id  BIGINT  NOT NULL REFERENCES products (id),
    quantity    INTEGER NOT NULL DEFAULT 1,
    price_cents INTEGER NOT NULL,
    PRIMARY KEY (order_id, product_id)
);
