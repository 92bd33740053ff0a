CREATE TABLE account (
    id    bigint PRIMARY KEY,
    email text NOT NULL
);
