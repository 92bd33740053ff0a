package dev.migsafe.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.migsafe.source.MigrationScript;
import dev.migsafe.test.Corpus;

/**
 * A lone CR ends a line, as in PostgreSQL's and MySQL's lexers: a file saved with CR-only line ends
 * must not read as one long comment (a silent false GO).
 */
class LineEndsTest {

    private static List<SqlStatement> split(String sql, Dialect dialect) {
        return new StatementSplitter(dialect).split(new MigrationScript("db/V1__x.sql", sql));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n", "\r\n", "\r"})
    void everyLineEndEndsACommentAndCountsOneLine(String eol) {
        List<SqlStatement> pg = split("-- drop b" + eol + "ALTER TABLE t DROP COLUMN b;" + eol + eol
                + "-- migsafe:ignore BC104 -- reason" + eol + "ALTER TABLE t DROP COLUMN c;" + eol, Dialect.POSTGRESQL);

        assertEquals(2, pg.size(), pg::toString);
        assertEquals("ALTER TABLE t DROP COLUMN b", pg.get(0).text());
        assertEquals(2, pg.get(0).line());
        assertEquals(5, pg.get(1).line());
        assertEquals(1, pg.get(1).suppressions().size(), "the suppression ends at the line end");
    }

    @Test
    void mixedLineEndsAndMysqlHashComments() {
        List<SqlStatement> my = split("# one\rSELECT 1;\r\nSELECT 2;\nDELIMITER $$\rCREATE PROCEDURE p() BEGIN SELECT 3; END$$\r"
                + "DELIMITER ;\rSELECT 4;", Dialect.MYSQL);

        assertEquals(List.of("SELECT 1", "SELECT 2", "CREATE PROCEDURE p() BEGIN SELECT 3; END", "SELECT 4"),
                my.stream().map(SqlStatement::text).toList());
        assertEquals(List.of(2, 3, 5, 7), my.stream().map(SqlStatement::line).toList());
    }

    /** Real files converted to CR-only and to CRLF give the statements of the originals, on the same lines. */
    @Test
    void realCorpusFilesReadTheSameWithAnyLineEnds() throws IOException {
        List<Path> files;
        try (Stream<Path> all = Files.walk(Corpus.require("marquez"))) {
            files = all.filter(p -> p.toString().endsWith(".sql")).sorted().limit(10).toList();
        }
        assertEquals(10, files.size());
        for (Path file : files) {
            String lf = Files.readString(file).replace("\r\n", "\n");
            List<SqlStatement> original = split(lf, Dialect.POSTGRESQL);
            assertTrue(!original.isEmpty(), file::toString);
            for (String eol : List.of("\r", "\r\n")) {
                List<SqlStatement> converted = split(lf.replace("\n", eol), Dialect.POSTGRESQL);
                assertEquals(original.stream().map(s -> s.text().replaceAll("\\s+", " ")).toList(),
                        converted.stream().map(s -> s.text().replaceAll("\\s+", " ")).toList(), file + " with " + eol.length());
                assertEquals(original.stream().map(SqlStatement::line).toList(),
                        converted.stream().map(SqlStatement::line).toList(), file + " lines");
            }
        }
    }
}
