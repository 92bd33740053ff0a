CREATE TABLE owner (
    id    bigserial PRIMARY KEY,
    name  varchar(100) NOT NULL,
    email varchar(200) NOT NULL UNIQUE
);

CREATE TABLE pet (
    id         bigserial PRIMARY KEY,
    name       varchar(100) NOT NULL,
    species    varchar(50)  NOT NULL,
    birth_date date,
    owner_id   bigint REFERENCES owner (id)
);

CREATE INDEX pet_owner_id_idx ON pet (owner_id);
