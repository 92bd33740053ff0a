CREATE TABLE product (
    id    bigint PRIMARY KEY,
    title varchar(200) NOT NULL
);
