ALTER TABLE orders DROP COLUMN comment;
