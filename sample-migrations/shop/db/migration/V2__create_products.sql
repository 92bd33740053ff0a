CREATE TABLE products (
    id          BIGSERIAL PRIMARY KEY,
    sku         VARCHAR(40) NOT NULL UNIQUE,
    title       TEXT        NOT NULL,
    price_cents INTEGER     NOT NULL CHECK (price_cents >= 0)
);
