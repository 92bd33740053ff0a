package dev.migsafe.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migsafe.change.ConstraintDef;
import dev.migsafe.dialect.Dialect;
import dev.migsafe.sql.MigrationScript;
import dev.migsafe.sql.ParsedStatement;
import dev.migsafe.sql.SqlScriptParser;

/** The model names objects as the server does: SQL in, schema state out. */
class SchemaNamesTest {

    private static Schema replay(Dialect dialect, String sql) {
        return replay(new Schema(dialect), dialect, sql);
    }

    private static Schema replay(Schema schema, Dialect dialect, String sql) {
        for (ParsedStatement ps : new SqlScriptParser().parse(new MigrationScript("db/V1__t.sql", sql), dialect)) {
            assertTrue(ps.isUnderstood(), () -> "not understood: " + ps.problem());
            ps.changes().forEach(c -> SchemaReplayer.apply(schema, c));
        }
        return schema;
    }

    private static List<String> constraintNames(Schema s, String table) {
        return s.table(table).constraints().stream().map(ConstraintDef::name).toList();
    }

    private static boolean same(Schema a, Schema b) {
        return SchemaDiff.between(a, b).isEmpty();
    }

    // ---- 1. PostgreSQL: renaming the index of a constraint renames the constraint ----------------

    @Test
    void pgAlterIndexRenameRenamesTheConstraintItBacks() {
        Schema s = replay(Dialect.POSTGRESQL, """
                CREATE TABLE users (id int PRIMARY KEY, email text UNIQUE);
                ALTER INDEX users_email_key RENAME TO users_email_uq;
                ALTER INDEX public.users_pkey RENAME TO users_pk;
                """);
        assertEquals(List.of("users_pk", "users_email_uq"), constraintNames(s, "users"));
        replay(s, Dialect.POSTGRESQL, "ALTER TABLE users DROP CONSTRAINT users_email_uq;");
        assertEquals(List.of("users_pk"), constraintNames(s, "users"));
    }

    @Test
    void pgIndexRenamedAndBackIsTheSchemaItStartedFrom() {
        Schema older = replay(Dialect.POSTGRESQL, "CREATE TABLE users (id int PRIMARY KEY, email text UNIQUE);");
        Schema s = older.copy();
        replay(s, Dialect.POSTGRESQL, "ALTER INDEX users_email_key RENAME TO users_email_uq;");
        replay(s, Dialect.POSTGRESQL, "ALTER TABLE users RENAME CONSTRAINT users_email_uq TO users_email_key;");
        assertTrue(same(older, s), () -> SchemaDiff.between(older, s).toString());
        replay(s, Dialect.POSTGRESQL, "ALTER TABLE users RENAME CONSTRAINT users_email_key TO users_email_uq;");
        replay(s, Dialect.POSTGRESQL, "ALTER INDEX users_email_uq RENAME TO users_email_key;");
        assertTrue(same(older, s), () -> SchemaDiff.between(older, s).toString());
    }

    // ---- 2. identifier length limits -----------------------------------------------------------

    private static final String LONG_TABLE = "a_table_name_that_is_quite_a_bit_longer_than_what_postgres_keeps_around"; // 72
    private static final String LONG_COLUMN = "a_column_name_that_is_also_rather_long_for_postgres_to_keep_in_full"; // 68

    @Test
    void pgTruncatesNamesInStatementsTo63Bytes() {
        Schema s = replay(Dialect.POSTGRESQL, "CREATE TABLE " + LONG_TABLE + " (" + LONG_COLUMN + " int);");
        String table = LONG_TABLE.substring(0, 63);
        assertNotNull(s.table(table), () -> s.tables().keySet().toString());
        assertNotNull(s.table(table).column(LONG_COLUMN.substring(0, 63)));
        replay(s, Dialect.POSTGRESQL, "DROP TABLE " + table + ";");
        assertTrue(s.tables().isEmpty());
    }

    @Test
    void pgTruncatesMultiByteNamesAtACharacterBoundary() {
        String name = "é".repeat(40); // 80 bytes: 31 characters (62 bytes) fit in 63
        Schema s = replay(Dialect.POSTGRESQL, "CREATE TABLE \"" + name + "\" (id int);");
        assertEquals(List.of("é".repeat(31)), List.copyOf(s.tables().keySet()));
    }

    @Test
    void pgTruncatesTheTableAndColumnPartsOfDefaultNamesNotTheSuffix() {
        String table = "t".repeat(40);
        String column = "c".repeat(40);
        Schema s = replay(Dialect.POSTGRESQL, "CREATE TABLE " + table + " (id int PRIMARY KEY, " + column
                + " int UNIQUE, p int REFERENCES " + table + " (id));\n"
                + "CREATE INDEX ON " + table + " (" + column + ");\n"
                + "ALTER TABLE " + table + " ADD UNIQUE (" + column + ");");
        // makeObjectName: 63 - len("_key") - 1 = 58 characters shared, the longer part cut first
        String key = "t".repeat(29) + "_" + "c".repeat(29) + "_key";
        String key1 = "t".repeat(29) + "_" + "c".repeat(28) + "_key1";
        assertEquals(List.of(table + "_pkey", key, table + "_p_fkey", key1), constraintNames(s, table));
        assertEquals(List.of("t".repeat(29) + "_" + "c".repeat(29) + "_idx"), List.copyOf(s.indexes().keySet()));
        String longTable = "t".repeat(70);
        Schema s2 = replay(Dialect.POSTGRESQL, "CREATE TABLE " + longTable + " (id int PRIMARY KEY);\n"
                + "ALTER TABLE " + longTable.substring(0, 63) + " DROP CONSTRAINT " + "t".repeat(58) + "_pkey;");
        assertEquals(List.of(), constraintNames(s2, "t".repeat(63)));
    }

    @Test
    void mysqlKeepsLongNamesAsWritten() {
        Schema s = replay(Dialect.MYSQL, "CREATE TABLE " + LONG_TABLE + " (id int);");
        assertNotNull(s.table(LONG_TABLE));
    }

    // ---- 3. the default schema's prefix -------------------------------------------------------

    @Test
    void pgPublicPrefixNamesTheSameObjects() {
        Schema s = replay(Dialect.POSTGRESQL, """
                CREATE TABLE public.t (id int);
                CREATE FUNCTION public.f(x int) RETURNS int AS $$ SELECT x $$ LANGUAGE sql;
                CREATE TYPE public.mood AS ENUM ('a');
                CREATE SEQUENCE public.s;
                CREATE VIEW public.v AS SELECT id FROM public.t;
                CREATE INDEX t_id ON public.t (id);
                """);
        Schema expected = replay(Dialect.POSTGRESQL, """
                CREATE TABLE t (id int);
                CREATE FUNCTION f(x int) RETURNS int AS $$ SELECT x $$ LANGUAGE sql;
                CREATE TYPE mood AS ENUM ('a');
                CREATE SEQUENCE s;
                CREATE VIEW v AS SELECT id FROM t;
                CREATE INDEX t_id ON t (id);
                """);
        assertTrue(same(expected, s), () -> SchemaDiff.between(expected, s).toString());
        replay(s, Dialect.POSTGRESQL, """
                DROP FUNCTION f(int);
                DROP TYPE mood;
                DROP SEQUENCE s;
                DROP VIEW v;
                DROP INDEX t_id;
                DROP TABLE t;
                """);
        assertTrue(same(new Schema(Dialect.POSTGRESQL), s), () -> SchemaDiff.between(new Schema(), s).toString());
        Schema s2 = replay(Dialect.POSTGRESQL, """
                CREATE FUNCTION f(x int) RETURNS int AS $$ SELECT x $$ LANGUAGE sql;
                DROP FUNCTION public.f(int);
                """);
        assertTrue(s2.functions().isEmpty(), () -> s2.functions().toString());
    }

    // ---- 4. MySQL names an unnamed key after its first column ----------------------------------

    @Test
    void mysqlNamesUnnamedKeysAfterTheFirstColumn() {
        Schema s = replay(Dialect.MYSQL, """
                CREATE TABLE iv (id INTEGER NOT NULL PRIMARY KEY AUTO_INCREMENT, jti CHAR(36), a INT, b INT,
                  UNIQUE KEY (jti), KEY (a, b), UNIQUE (jti));
                ALTER TABLE iv ADD UNIQUE (jti), ADD INDEX (a);
                """);
        List<String> names = new java.util.ArrayList<>(constraintNames(s, "iv"));
        names.addAll(s.indexesOn("iv"));
        for (String n : List.of("jti", "a", "jti_2", "jti_3", "a_2")) {
            assertTrue(names.contains(n), () -> n + " not in " + names);
        }
        replay(s, Dialect.MYSQL, "ALTER TABLE iv DROP INDEX jti; ALTER TABLE iv DROP INDEX jti_2;"
                + " ALTER TABLE iv DROP INDEX jti_3; ALTER TABLE iv DROP INDEX a; ALTER TABLE iv DROP INDEX a_2;");
        assertEquals(List.of(), s.indexesOn("iv").stream().toList());
        assertFalse(s.table("iv").constraints().stream().anyMatch(k -> k.kind() == ConstraintDef.Kind.UNIQUE),
                () -> constraintNames(s, "iv").toString());
    }

    @Test
    void mysqlAutheliaKeyRenameRoundTrip() {
        Schema older = replay(Dialect.MYSQL,
                "CREATE TABLE iv (id INTEGER NOT NULL PRIMARY KEY AUTO_INCREMENT, jti CHAR(36), UNIQUE KEY (jti));");
        Schema s = older.copy();
        replay(s, Dialect.MYSQL, "ALTER TABLE iv DROP INDEX jti; CREATE UNIQUE INDEX iv_jti_key ON iv (jti);");
        replay(s, Dialect.MYSQL, "ALTER TABLE iv DROP INDEX iv_jti_key; CREATE UNIQUE INDEX jti ON iv (jti);");
        assertTrue(same(older, s), () -> SchemaDiff.between(older, s).toString());
    }

    @Test
    void mysqlRenameIndexRenamesAUniqueKey() {
        Schema s = replay(Dialect.MYSQL, """
                CREATE TABLE iv (id INT, jti CHAR(36), UNIQUE KEY (jti));
                ALTER TABLE iv RENAME INDEX jti TO iv_jti;
                """);
        assertTrue(constraintNames(s, "iv").contains("iv_jti") || s.indexesOn("iv").contains("iv_jti"));
        assertNull(s.indexes().get("jti"));
    }

    @Test
    void mysqlIndexNamesArePerTable() {
        Schema older = replay(Dialect.MYSQL, """
                CREATE TABLE a (id INT, username VARCHAR(100), UNIQUE KEY (username));
                CREATE TABLE b (id INT, username VARCHAR(100), UNIQUE KEY (username));
                """);
        Schema s = older.copy();
        replay(s, Dialect.MYSQL, """
                ALTER TABLE a DROP INDEX username; CREATE UNIQUE INDEX a_username_key ON a (username);
                ALTER TABLE b DROP INDEX username; CREATE UNIQUE INDEX b_username_key ON b (username);
                """);
        assertFalse(constraintNames(s, "a").contains("username"));
        replay(s, Dialect.MYSQL, """
                DROP INDEX a_username_key ON a; CREATE UNIQUE INDEX username ON a (username);
                DROP INDEX b_username_key ON b; CREATE UNIQUE INDEX username ON b (username);
                """);
        assertTrue(same(older, s), () -> SchemaDiff.between(older, s).toString());
        replay(s, Dialect.MYSQL, "DROP INDEX username ON b; CREATE INDEX k ON a (id); CREATE INDEX k ON b (id);"
                + " ALTER TABLE b RENAME INDEX k TO k2; DROP INDEX k ON a;");
        assertEquals(List.of("k2"), s.indexesOn("b").stream().map(n -> s.indexes().get(n).name()).toList());
        assertEquals(List.of("username"), s.indexesOn("a").stream().map(n -> s.indexes().get(n).name()).toList());
    }

    @Test
    void pgConstraintAddedUsingAnIndexTakesTheIndexOver() {
        Schema older = replay(Dialect.POSTGRESQL, "CREATE TABLE users (id int, email text);");
        Schema s = older.copy();
        replay(s, Dialect.POSTGRESQL, """
                CREATE UNIQUE INDEX CONCURRENTLY users_email_idx ON users (email);
                ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_idx;
                """);
        assertNull(s.indexes().get("users_email_idx"));
        assertEquals(List.of("email"), s.table("users").constraints().get(0).columns());
        replay(s, Dialect.POSTGRESQL, "ALTER TABLE users DROP CONSTRAINT users_email_key;");
        assertTrue(same(older, s), () -> SchemaDiff.between(older, s).toString());
    }

    @Test
    void pgNamesAnExpressionIndexAfterItsFunction() {
        Schema s = replay(Dialect.POSTGRESQL, """
                CREATE TABLE users (id int, email text, a int, b int);
                CREATE INDEX ON users (lower(email));
                CREATE INDEX ON users ((a + b));
                CREATE INDEX ON users (id, (lower(email) || 'x'));
                CREATE INDEX ON users (lower(email));
                DROP INDEX users_lower_idx1;
                """);
        assertEquals(List.of("users_expr_idx", "users_id_expr_idx", "users_lower_idx"),
                s.indexes().keySet().stream().sorted().toList());
    }

    @Test
    void mysqlNamesAnUnnamedForeignKeyTableIbfkN() {
        Schema s = replay(Dialect.MYSQL, """
                CREATE TABLE p (id INT PRIMARY KEY);
                CREATE TABLE c (id INT, p_id INT, q_id INT, FOREIGN KEY (p_id) REFERENCES p (id));
                ALTER TABLE c ADD FOREIGN KEY (q_id) REFERENCES p (id);
                ALTER TABLE c DROP FOREIGN KEY c_ibfk_1;
                """);
        assertEquals(List.of("c_ibfk_2"), constraintNames(s, "c"));
    }
}
