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
import dev.migsafe.dialect.TypeCasts;
import dev.migsafe.dialect.TypeCasts.Effect;
import dev.migsafe.sql.TypeNames;
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

    /** What the older release sees and whether the data survives, per dialect: types as written. */
    private static void judge(Dialect d, String from, String to, Effect olderRelease, boolean keepsValues) {
        TypeCompatibility.Judgement j = TypeCompatibility.judge(TypeNames.parse(from, d), TypeNames.parse(to, d), d);
        assertEquals(olderRelease, j.olderRelease(), d + " " + from + " -> " + to + ": " + j.reason());
        assertEquals(keepsValues, j.keepsValues(), d + " " + from + " -> " + to + " keeps every value");
    }

    @Test
    void postgresCastTable() {
        Dialect pg = Dialect.POSTGRESQL;
        // widening: nothing
        judge(pg, "varchar(20)", "varchar(40)", Effect.NONE, true);
        judge(pg, "varchar(20)", "text", Effect.NONE, true);
        judge(pg, "integer", "bigint", Effect.NONE, true);
        judge(pg, "numeric(10,2)", "numeric(12,3)", Effect.NONE, true);
        judge(pg, "real", "double precision", Effect.NONE, true);
        judge(pg, "integer", "numeric(10,0)", Effect.NONE, true);
        judge(pg, "timestamp(3)", "timestamp", Effect.NONE, true);
        judge(pg, "int[]", "bigint[]", Effect.NONE, true);
        // works, behaves otherwise: warning
        judge(pg, "timestamp", "timestamptz", Effect.SHIFT, true);
        judge(pg, "timestamp with time zone", "timestamp", Effect.SHIFT, true);
        judge(pg, "date", "timestamp", Effect.SHIFT, true);
        judge(pg, "integer", "numeric", Effect.SHIFT, true);
        judge(pg, "integer", "double precision", Effect.SHIFT, true);
        judge(pg, "char(3)", "varchar(3)", Effect.SHIFT, true);
        judge(pg, "char(3)", "char(5)", Effect.SHIFT, true);
        judge(pg, "varchar(3)", "char(3)", Effect.SHIFT, true);
        judge(pg, "json", "jsonb", Effect.SHIFT, true);
        judge(pg, "text", "citext", Effect.SHIFT, true);
        // reads or writes fail or change values: error
        judge(pg, "time", "timestamp", Effect.SHIFT, true);
        judge(pg, "varchar(40)", "timestamp", Effect.BREAKS, false);
        judge(pg, "text", "integer", Effect.BREAKS, false);
        judge(pg, "integer", "text", Effect.BREAKS, true);
        judge(pg, "uuid", "varchar(36)", Effect.BREAKS, true);
        judge(pg, "uuid", "varchar(20)", Effect.BREAKS, false);
        judge(pg, "varchar(255)", "varchar(50)", Effect.BREAKS, false);
        judge(pg, "numeric(10,2)", "numeric(10,1)", Effect.BREAKS, false);
        judge(pg, "bigint", "integer", Effect.BREAKS, false);
        judge(pg, "timestamp", "date", Effect.BREAKS, false);
        judge(pg, "timestamp(6)", "timestamptz(0)", Effect.BREAKS, false);
        judge(pg, "boolean", "integer", Effect.BREAKS, false);
        judge(pg, "jsonb", "json", Effect.BREAKS, true);
    }

    @Test
    void mysqlCastTable() {
        Dialect my = Dialect.MYSQL;
        judge(my, "BLOB", "MEDIUMBLOB", Effect.NONE, true);
        judge(my, "TINYINT", "INT", Effect.NONE, true);
        judge(my, "INT(11)", "INT", Effect.NONE, true);
        judge(my, "BOOLEAN", "TINYINT(1)", Effect.NONE, true);
        judge(my, "INT UNSIGNED", "BIGINT", Effect.NONE, true);
        judge(my, "CHAR(3)", "VARCHAR(10)", Effect.NONE, true);
        judge(my, "CHAR(3)", "CHAR(5)", Effect.NONE, true);
        judge(my, "DECIMAL(8,2)", "DECIMAL(10,2)", Effect.NONE, true);
        judge(my, "INT", "DECIMAL", Effect.NONE, true);  // DECIMAL is DECIMAL(10,0)
        judge(my, "ENUM('a','b')", "ENUM('a','b','c')", Effect.NONE, true);
        judge(my, "TIMESTAMP", "DATETIME", Effect.SHIFT, true);
        judge(my, "DATE", "DATETIME", Effect.SHIFT, true);
        judge(my, "INT", "VARCHAR(11)", Effect.SHIFT, true);
        judge(my, "ENUM('a','b')", "ENUM('b','a')", Effect.SHIFT, true);
        judge(my, "ENUM('a','bb')", "VARCHAR(2)", Effect.SHIFT, true);
        judge(my, "VARCHAR(10)", "CHAR(10)", Effect.SHIFT, true);
        judge(my, "INT", "VARCHAR(10)", Effect.BREAKS, false);
        judge(my, "DATETIME", "TIMESTAMP", Effect.BREAKS, false);
        judge(my, "DATE", "TIMESTAMP", Effect.BREAKS, false);
        judge(my, "TIME", "DATETIME", Effect.SHIFT, true);
        judge(my, "VARCHAR(20)", "INT", Effect.BREAKS, false);
        judge(my, "VARCHAR(20)", "DATETIME", Effect.BREAKS, false);
        judge(my, "TEXT", "JSON", Effect.BREAKS, false);
        judge(my, "INT", "INT UNSIGNED", Effect.BREAKS, false);
        judge(my, "BIGINT UNSIGNED", "BIGINT", Effect.BREAKS, false);
        judge(my, "DECIMAL(12,2)", "DECIMAL", Effect.BREAKS, false);
        judge(my, "ENUM('a','b')", "ENUM('a')", Effect.BREAKS, false);
    }

    /**
     * A family-to-family row between a family and itself would override the size rules (a longer
     * varchar would stop being a plain widening); rows join different kinds or name their types.
     */
    @Test
    void castTablesNeverJoinAFamilyToItself() {
        for (Dialect d : Dialect.values()) {
            TypeCasts casts = d.server().typeCasts();
            for (TypeCasts.Row row : casts.rows()) {
                boolean bothFamilies = row.from().startsWith("*") && row.to().startsWith("*");
                assertFalse(bothFamilies && row.from().equals(row.to()), d + ": " + row);
                assertFalse(row.cast().reason().isBlank(), d + ": " + row);
            }
        }
    }
}
