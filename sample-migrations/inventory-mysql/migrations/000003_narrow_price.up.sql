-- Prices never exceed 99,999.99: shrink the column (a narrowing change).
ALTER TABLE items MODIFY price DECIMAL(7,2) NOT NULL DEFAULT 0.00;
