package dev.migsafe.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import dev.migsafe.dialect.Dialect;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.migsafe.change.SqlType;

class TypeNamesTest {

    @ParameterizedTest(name = "{0} ({1}) -> {2}")
    @CsvSource(delimiter = '|', value = {
            "int | postgresql | integer",
            "INT4 | postgresql | integer",
            "integer | postgresql | integer",
            "int8 | postgresql | bigint",
            "int2 | postgresql | smallint",
            "serial | postgresql | integer",
            "bigserial | postgresql | bigint",
            "smallserial | postgresql | smallint",
            "character varying(20) | postgresql | varchar(20)",
            "varchar | postgresql | varchar",
            "character(3) | postgresql | char(3)",
            "bpchar(5) | postgresql | char(5)",
            "decimal(10, 2) | postgresql | numeric(10,2)",
            "numeric | postgresql | numeric",
            "float4 | postgresql | real",
            "float8 | postgresql | double precision",
            "double precision | postgresql | double precision",
            "float | postgresql | double precision",
            "float(10) | postgresql | real",
            "bool | postgresql | boolean",
            "timestamp without time zone | postgresql | timestamp",
            "timestamp(3) with time zone | postgresql | timestamptz(3)",
            "timestamptz | postgresql | timestamptz",
            "time with time zone | postgresql | timetz",
            "interval day to second | postgresql | interval",
            "text[] | postgresql | text[]",
            "integer ARRAY | postgresql | integer[]",
            "public.mood | postgresql | mood",
            "audit.\"Level\" | postgresql | audit.Level",
            "pg_catalog.int4 | postgresql | integer",
            "jsonb | postgresql | jsonb",
            "int(11) | mysql | integer",
            "tinyint(1) | mysql | tinyint",
            "bigint(20) unsigned | mysql | bigint unsigned",
            "mediumint | mysql | mediumint",
            "varchar(255) CHARACTER SET utf8mb4 | mysql | varchar(255)",
            "longtext | mysql | longtext",
            "datetime(6) | mysql | datetime(6)",
            "float | mysql | real",
            "double | mysql | double precision",
            "mediumblob | mysql | mediumblob",
            "json | mysql | json"})
    void normalisesAliases(String written, String dialect, String expected) {
        assertEquals(expected, TypeNames.parse(written, Dialect.parse(dialect)).toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"enum('a', 'b''c') | enum", "SET('x','y') | set"})
    void mysqlEnumAndSetKeepTheirValues(String written, String base) {
        SqlType type = TypeNames.parse(written, Dialect.MYSQL);
        assertEquals(base, type.base());
        assertEquals(written.startsWith("enum") ? List.of("a", "b'c") : List.of("x", "y"), type.enumValues());
        assertTrue(type.args().isEmpty());
    }

    @ParameterizedTest
    @CsvSource({"serial", "BIGSERIAL", "serial8"})
    void serialTypesAreGenerated(String written) {
        assertTrue(TypeNames.isSerial(written));
    }

    @ParameterizedTest
    @CsvSource({"integer", "p_id integer", "mood"})
    void builtInsAreToldFromNamedArguments(String written) {
        assertEquals(written.equals("integer"), TypeNames.isBuiltIn(written));
        assertFalse(TypeNames.isSerial(written));
    }

    @ParameterizedTest
    @CsvSource({"int4, integer", "character varying(10), varchar(10)"})
    void spellingsOfOneTypeAreTheSame(String a, String b) {
        assertTrue(TypeNames.parse(a, Dialect.POSTGRESQL).sameAs(TypeNames.parse(b, Dialect.POSTGRESQL)));
    }
}
