package dev.migsafe.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migsafe.source.MigrationScript;
import dev.migsafe.sql.SqlStatement;

class StatementSplitterTest {

    private static List<String> texts(ServerKind kind, String sql) {
        return new StatementSplitter(kind).split(new MigrationScript("x.sql", sql)).stream().map(SqlStatement::text).toList();
    }

    @Test
    void splitsOnSemicolonsOutsideQuotesCommentsAndDollarQuotesAndDropsLeadingComments() {
        String sql = "-- leading comment; not a statement\n"
                + "INSERT INTO t VALUES ('a;b', 'it''s');\n"
                + "CREATE FUNCTION f() RETURNS int AS $body$ BEGIN RETURN 1; END $body$ LANGUAGE plpgsql;\n"
                + "/* block; comment */ SELECT \"odd;name\" FROM t";
        assertEquals(List.of("INSERT INTO t VALUES ('a;b', 'it''s')",
                "CREATE FUNCTION f() RETURNS int AS $body$ BEGIN RETURN 1; END $body$ LANGUAGE plpgsql",
                "SELECT \"odd;name\" FROM t"), texts(ServerKind.POSTGRESQL, sql));
    }

    @Test
    void reportsTheLineOfEachStatementsFirstToken() {
        List<SqlStatement> statements = new StatementSplitter(ServerKind.POSTGRESQL).split(new MigrationScript("db/V1.sql",
                "-- header\n\nCREATE TABLE a (\n  id int\n);\n-- why\nCREATE TABLE b (s text DEFAULT 'x\ny');\nDROP TABLE a;", 1));
        assertEquals(List.of(3, 7, 9), statements.stream().map(SqlStatement::line).toList());
        assertEquals("db/V1.sql", statements.get(0).file());
    }

    @Test
    void honoursMysqlDelimiterDirectivesAndBackslashEscapes() {
        String sql = "INSERT INTO t VALUES ('a\\';b');\n"
                + "DELIMITER $$\n"
                + "CREATE TRIGGER trg BEFORE INSERT ON t FOR EACH ROW BEGIN SET NEW.x = 1; END$$\n"
                + "DELIMITER ;\n"
                + "# hash comment;\n"
                + "DROP TABLE `semi;colon`;\n"
                + "/*!40101 SET NAMES utf8 */;";
        assertEquals(List.of("INSERT INTO t VALUES ('a\\';b')",
                "CREATE TRIGGER trg BEFORE INSERT ON t FOR EACH ROW BEGIN SET NEW.x = 1; END",
                "DROP TABLE `semi;colon`", "/*!40101 SET NAMES utf8 */"), texts(ServerKind.MYSQL, sql));
    }

    @Test
    void positionalParametersAreNotDollarQuotes() {
        assertEquals(List.of("PREPARE p AS SELECT $1", "SELECT 2"),
                texts(ServerKind.POSTGRESQL, "PREPARE p AS SELECT $1; SELECT 2;"));
    }
}
