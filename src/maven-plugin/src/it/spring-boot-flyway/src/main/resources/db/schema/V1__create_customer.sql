CREATE TABLE customer (
    id   bigint PRIMARY KEY,
    name varchar(200) NOT NULL
);
