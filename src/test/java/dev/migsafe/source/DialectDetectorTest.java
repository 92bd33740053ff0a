package dev.migsafe.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import dev.migsafe.dialect.Dialect;
import dev.migsafe.tool.MigrationTool;
import org.junit.jupiter.api.Test;

import dev.migsafe.dialect.Dialect;
import dev.migsafe.sql.MigrationScript;

class DialectDetectorTest {
    private static Migration of(String sql) {
        return new Migration("1", null, "x", Migration.Kind.VERSIONED, MigrationTool.PLAIN_SQL, new MigrationScript("x.sql", sql), null);
    }

    @Test
    void mysqlMarks() {
        assertEquals(Dialect.MYSQL, DialectDetector.fromContent(List.of(of(
                "CREATE TABLE `users` (id INT AUTO_INCREMENT PRIMARY KEY) ENGINE=InnoDB;"))));
    }

    @Test
    void postgresMarks() {
        assertEquals(Dialect.POSTGRESQL, DialectDetector.fromContent(List.of(of(
                "CREATE TABLE users (id SERIAL PRIMARY KEY); SELECT '1'::int; DO $$ BEGIN END $$;"))));
    }

    @Test
    void commentsDoNotCountAndNothingMeansPostgres() {
        assertEquals(Dialect.POSTGRESQL, DialectDetector.fromContent(List.of(of(
                "-- was `users` with AUTO_INCREMENT, ENGINE=InnoDB\nCREATE TABLE users (id int);"))));
    }

    @Test
    void explicitThenConfiguredWin() {
        List<Migration> mysqlish = List.of(of("CREATE TABLE `t` (id int AUTO_INCREMENT);"));
        assertEquals(Dialect.POSTGRESQL, DialectDetector.resolve(Dialect.POSTGRESQL, Dialect.MYSQL, mysqlish));
        assertEquals(Dialect.POSTGRESQL, DialectDetector.resolve(null, Dialect.POSTGRESQL, mysqlish));
        assertEquals(Dialect.MYSQL, DialectDetector.resolve(null, null, mysqlish));
    }
}
