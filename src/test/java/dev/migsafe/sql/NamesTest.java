package dev.migsafe.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migsafe.dialect.Dialect;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NamesTest {

    @ParameterizedTest(name = "{0} ({1}) -> {2}")
    @CsvSource(delimiter = '|', value = {
            "Users | postgresql | users",
            "\"Users\" | postgresql | Users",
            "public.Users | postgresql | users",
            "PUBLIC.\"Users\" | postgresql | Users",
            "audit.Log | postgresql | audit.log",
            "\"a.b\".c | postgresql | a.b.c",
            "\"say \"\"hi\"\"\" | postgresql | say \"hi\"",
            "`Users` | mysql | users",
            "shop.`Orders` | mysql | orders",
            "Orders | mysql | orders"})
    void normalises(String written, String dialect, String expected) {
        assertEquals(expected, Names.qualified(written, Dialect.parse(dialect)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"t.Col | col", "\"T\".\"Col\" | Col"})
    void lastPartIsTheColumn(String written, String expected) {
        assertEquals(expected, Names.last(written, Dialect.POSTGRESQL));
    }
}
