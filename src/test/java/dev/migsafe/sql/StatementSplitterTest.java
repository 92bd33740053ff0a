package dev.migsafe.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import dev.migsafe.dialect.Dialect;
import org.junit.jupiter.api.Test;

class StatementSplitterTest {

    private static List<SqlStatement> split(String sql, Dialect dialect) {
        return new StatementSplitter(dialect).split(new MigrationScript("db/V1__x.sql", sql));
    }

    private static List<String> texts(String sql, Dialect dialect) {
        return split(sql, dialect).stream().map(SqlStatement::text).toList();
    }

    @Test
    void splitsAtSemicolonsOutsideQuotesAndDropsEmptyStatements() {
        assertEquals(List.of("SELECT 'a;b'", "SELECT \"x;y\" FROM t", "SELECT 'it''s; fine'"),
                texts("SELECT 'a;b';;\n;SELECT \"x;y\" FROM t;\nSELECT 'it''s; fine';\n", Dialect.POSTGRESQL));
    }

    @Test
    void postgresEscapeStringsUseBackslashes() {
        assertEquals(List.of("SELECT E'a\\';b'", "SELECT 2"),
                texts("SELECT E'a\\';b'; SELECT 2;", Dialect.POSTGRESQL));
    }

    @Test
    void standardPostgresStringsDoNotEscapeWithBackslash() {
        assertEquals(List.of("SELECT 'a\\'", "SELECT 2"), texts("SELECT 'a\\'; SELECT 2", Dialect.POSTGRESQL));
    }

    @Test
    void mysqlBackslashEscapesBackticksAndDoubleQuotedStrings() {
        assertEquals(List.of("INSERT INTO `t;x` VALUES ('a\\';b', \"c;\\\"d\")", "SELECT 1"),
                texts("INSERT INTO `t;x` VALUES ('a\\';b', \"c;\\\"d\");\nSELECT 1", Dialect.MYSQL));
    }

    @Test
    void dollarQuotesWithTagsMayContainOtherDollarQuotesAndSemicolons() {
        String fn = "CREATE FUNCTION f() RETURNS int AS $body$ BEGIN PERFORM $$;$$; RETURN 1; END $body$ LANGUAGE plpgsql";
        assertEquals(List.of(fn, "SELECT $1"), texts(fn + ";\nSELECT $1;", Dialect.POSTGRESQL));
    }

    @Test
    void commentsDoNotSplitAndPostgresBlockCommentsNest() {
        String sql = "/* outer /* inner; */ still comment; */ SELECT 1; -- a; comment\nSELECT 2";
        assertEquals(List.of("SELECT 1", "SELECT 2"), texts(sql, Dialect.POSTGRESQL));
    }

    @Test
    void mysqlBlockCommentsDoNotNestAndHashStartsAComment() {
        assertEquals(List.of("SELECT 1", "SELECT 2"),
                texts("/* a /* b */ SELECT 1; # x; y\nSELECT 2;", Dialect.MYSQL));
    }

    @Test
    void mysqlDelimiterLinesChangeTheDelimiterAndAreNotStatements() {
        String sql = """
                DELIMITER //
                CREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END //
                DELIMITER ;
                CALL p();
                """;
        assertEquals(List.of("CREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END", "CALL p()"), texts(sql, Dialect.MYSQL));
    }

    @Test
    void mysqlDelimiterGluedToAWordEndsTheStatement() {
        String sql = """
                DELIMITER $$
                CREATE TRIGGER trg BEFORE INSERT ON t FOR EACH ROW BEGIN SET NEW.x = 1; END$$
                DELIMITER ;
                DROP TABLE t;
                """;
        assertEquals(List.of("CREATE TRIGGER trg BEFORE INSERT ON t FOR EACH ROW BEGIN SET NEW.x = 1; END", "DROP TABLE t"),
                texts(sql, Dialect.MYSQL));
    }

    @Test
    void mysqlCompoundStatementWithoutDelimiterStaysWhole() {
        String proc = """
                CREATE PROCEDURE p(IN t VARCHAR(64))
                BEGIN
                    IF EXISTS(SELECT 1) THEN
                        SET @q = CONCAT('x', t);
                        CASE WHEN 1 THEN SELECT 1; ELSE SELECT 2; END CASE;
                    END IF;
                END""";
        assertEquals(List.of(proc, "DROP TABLE x"), texts(proc + ";\nDROP TABLE x;", Dialect.MYSQL));
    }

    @Test
    void postgresBeginAtomicBodyStaysWhole() {
        String fn = "CREATE FUNCTION f(a int) RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT CASE WHEN a > 0 THEN 1 END; SELECT 2; END";
        assertEquals(List.of(fn, "SELECT 3"), texts(fn + ";\nSELECT 3;", Dialect.POSTGRESQL));
    }

    @Test
    void linesAreThoseOfTheFirstTokenOffsetByTheScriptsFirstLine() {
        String sql = "-- header\n\nCREATE TABLE a (id int);\n  /* c */\n  DROP TABLE b;";
        List<SqlStatement> statements = new StatementSplitter(Dialect.POSTGRESQL)
                .split(new MigrationScript("f.sql", sql, 10));
        assertEquals(List.of(12, 14), statements.stream().map(SqlStatement::line).toList());
        assertEquals("f.sql", statements.get(0).file());
    }

    @Test
    void suppressionsComeFromTheCommentsJustBeforeTheStatement() {
        String sql = """
                CREATE TABLE a (id int);
                -- migsafe:ignore bc104,DL201 column unused since v1.1
                /* migsafe:ignore RB301 */
                ALTER TABLE a DROP COLUMN x;
                SELECT 1;
                """;
        List<SqlStatement> statements = split(sql, Dialect.POSTGRESQL);
        assertTrue(statements.get(0).suppressions().isEmpty());
        List<Suppression> s = statements.get(1).suppressions();
        assertEquals(2, s.size());
        assertEquals(new Suppression(List.of("BC104", "DL201"), "column unused since v1.1", 2), s.get(0));
        assertEquals(List.of("RB301"), s.get(1).ruleIds());
        assertNull(s.get(1).reason());
        assertEquals(3, s.get(1).line());
        assertTrue(statements.get(2).suppressions().isEmpty());
    }

    @Test
    void unterminatedDollarQuoteNamesItsLineAndTheFix() {
        SqlSyntaxException e = assertThrows(SqlSyntaxException.class,
                () -> split("SELECT 1;\nDO $body$ BEGIN\n NULL;\n", Dialect.POSTGRESQL));
        assertEquals("db/V1__x.sql:2: unterminated dollar quote $body$ opened here; close it with $body$", e.getMessage());
        assertEquals(2, e.line());
    }

    @Test
    void unterminatedStringAndCommentAreReportedWhereTheyOpen() {
        SqlSyntaxException quote = assertThrows(SqlSyntaxException.class,
                () -> split("SELECT 1;\n\nSELECT 'abc;\n", Dialect.POSTGRESQL));
        assertEquals(3, quote.line());
        assertTrue(quote.getMessage().contains("unterminated string"), quote.getMessage());
        SqlSyntaxException comment = assertThrows(SqlSyntaxException.class,
                () -> split("/* a /* b */\nSELECT 1;", Dialect.POSTGRESQL));
        assertEquals(1, comment.line());
        assertTrue(comment.getMessage().contains("close it with */"), comment.getMessage());
        SqlSyntaxException backtick = assertThrows(SqlSyntaxException.class,
                () -> split("SELECT `a;", Dialect.MYSQL));
        assertTrue(backtick.getMessage().contains("quoted identifier"), backtick.getMessage());
    }

    @Test
    void mysqlDoubleDashNeedsASpaceToStartAComment() {
        assertEquals(List.of("SELECT 1--1", "SELECT 2"), texts("SELECT 1--1;\nSELECT 2;", Dialect.MYSQL));
    }
}
