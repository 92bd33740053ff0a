package dev.migsafe.schema;

import static dev.migsafe.schema.TypeCompatibility.Compatibility.INCOMPATIBLE;
import static dev.migsafe.schema.TypeCompatibility.Compatibility.NARROWING;
import static dev.migsafe.schema.TypeCompatibility.Compatibility.SAME;
import static dev.migsafe.schema.TypeCompatibility.Compatibility.UNKNOWN;
import static dev.migsafe.schema.TypeCompatibility.Compatibility.WIDENING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import dev.migsafe.dialect.Dialect;
import org.junit.jupiter.api.Test;

import dev.migsafe.change.SqlType;
import dev.migsafe.schema.TypeCompatibility.Compatibility;

class TypeCompatibilityTest {

    private static SqlType t(String base, Integer... args) {
        return SqlType.of(base, args);
    }

    private static SqlType mysqlEnum(String... values) {
        return new SqlType("enum", List.of(), List.of(values), false, "enum");
    }

    private static void check(Compatibility expected, SqlType from, SqlType to) {
        assertEquals(expected, TypeCompatibility.classify(from, to), from + " -> " + to);
    }

    @Test
    void strings() {
        check(SAME, t("varchar"), t("text"));
        check(SAME, t("varchar", 20), t("character varying", 20));
        check(WIDENING, t("varchar", 20), t("varchar", 50));
        check(WIDENING, t("varchar", 20), t("text"));
        check(WIDENING, t("varchar", 20), t("varchar"));
        check(WIDENING, t("char", 5), t("varchar", 5));
        check(WIDENING, t("char", 5), t("text"));
        check(NARROWING, t("varchar", 50), t("varchar", 20));
        check(NARROWING, t("text"), t("varchar", 255));
        check(NARROWING, t("char", 5), t("varchar", 3));
        check(WIDENING, t("tinytext"), t("text"));
        check(NARROWING, t("longtext"), t("text"));
        check(INCOMPATIBLE, t("varchar", 5), t("char", 10));
    }

    @Test
    void numbers() {
        check(WIDENING, t("smallint"), t("integer"));
        check(WIDENING, t("integer"), t("bigint"));
        check(WIDENING, t("int4"), t("int8"));
        check(SAME, t("int"), t("integer"));
        check(NARROWING, t("bigint"), t("integer"));
        check(WIDENING, t("numeric", 10, 2), t("numeric", 12, 2));
        check(WIDENING, t("numeric", 10, 2), t("numeric", 12, 4));
        check(NARROWING, t("numeric", 10, 2), t("numeric", 10, 4)); // fewer integer digits
        check(NARROWING, t("numeric", 10, 2), t("numeric", 10, 1));
        check(WIDENING, t("numeric", 10, 2), t("numeric"));
        check(NARROWING, t("numeric"), t("numeric", 10, 2));
        check(WIDENING, t("real"), t("double precision"));
        check(NARROWING, t("float8"), t("real"));
        check(WIDENING, t("integer"), t("numeric", 10, 0));
        check(WIDENING, t("integer"), t("numeric", 12, 2));
        check(NARROWING, t("integer"), t("numeric", 8, 0));
        check(WIDENING, t("integer"), t("numeric"));
        check(NARROWING, t("numeric", 10, 2), t("integer"));
        check(WIDENING, t("numeric", 9, 0), t("integer"));
        check(WIDENING, t("decimal", 5, 2), t("numeric", 6, 2));
    }

    @Test
    void timestampsAndOthers() {
        check(WIDENING, t("timestamp", 3), t("timestamp", 6));
        check(SAME, t("timestamp", 6), t("timestamp"));
        check(NARROWING, t("timestamp"), t("timestamp", 0));
        assertEquals(WIDENING, TypeCompatibility.classify(t("datetime"), t("datetime", 3), Dialect.MYSQL));
        check(INCOMPATIBLE, t("timestamp"), t("date"));
        check(INCOMPATIBLE, t("text"), t("integer"));
        check(INCOMPATIBLE, t("varchar", 10), t("jsonb"));
        check(INCOMPATIBLE, t("integer"), t("text"));
        check(SAME, t("jsonb"), t("jsonb"));
        check(INCOMPATIBLE, t("integer"), new SqlType("integer", List.of(), List.of(), true, "integer[]"));
        check(UNKNOWN, Column.UNKNOWN_TYPE, t("integer"));
    }

    @Test
    void mysqlEnums() {
        check(SAME, mysqlEnum("a", "b"), mysqlEnum("a", "b"));
        check(WIDENING, mysqlEnum("a", "b"), mysqlEnum("a", "b", "c"));
        check(INCOMPATIBLE, mysqlEnum("a", "b"), mysqlEnum("b", "a"));
        check(INCOMPATIBLE, mysqlEnum("a", "b"), mysqlEnum("a", "c", "b"));
        check(INCOMPATIBLE, mysqlEnum("a", "b", "c"), mysqlEnum("a", "b"));
    }

    @Test
    void whichConversionsCanFailOrLoseData() {
        Dialect pg = Dialect.POSTGRESQL;
        assertTrue(TypeCompatibility.mayFailOrLoseData(t("text"), t("integer"), pg));
        assertTrue(TypeCompatibility.mayFailOrLoseData(t("text"), t("varchar", 10), pg));
        assertTrue(TypeCompatibility.mayFailOrLoseData(t("timestamp"), t("date"), pg));
        assertTrue(TypeCompatibility.mayFailOrLoseData(mysqlEnum("a", "b"), mysqlEnum("a"), Dialect.MYSQL));
        assertFalse(TypeCompatibility.mayFailOrLoseData(mysqlEnum("a", "b"), mysqlEnum("b", "a"), Dialect.MYSQL));
        assertFalse(TypeCompatibility.mayFailOrLoseData(t("integer"), t("text"), pg));
        assertFalse(TypeCompatibility.mayFailOrLoseData(t("varchar", 10), t("varchar", 20), pg));
        assertFalse(TypeCompatibility.mayFailOrLoseData(t("timestamp"), t("timestamptz"), pg));
        assertFalse(TypeCompatibility.mayFailOrLoseData(t("json"), t("jsonb"), pg));
        assertFalse(TypeCompatibility.mayFailOrLoseData(Column.UNKNOWN_TYPE, t("integer"), pg));
    }
}
