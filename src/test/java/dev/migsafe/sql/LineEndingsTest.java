package dev.migsafe.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import dev.migsafe.dialect.Dialect;
import org.junit.jupiter.api.Test;

import dev.migsafe.change.Change;
import dev.migsafe.test.Corpus;
import dev.migsafe.test.UsesCorpus;

/** LF, CRLF and lone CR each end a line, as in psql and the mysql client: comments stop there, lines count them. */
class LineEndingsTest {

    private static List<SqlStatement> split(String sql, Dialect dialect) {
        return new StatementSplitter(dialect).split(new MigrationScript("V1__x.sql", sql));
    }

    private static List<String> texts(List<SqlStatement> statements) {
        return statements.stream().map(SqlStatement::text).toList();
    }

    @Test
    void aCommentEndsAtALoneCarriageReturn() {
        List<SqlStatement> statements = split("-- drop b\rALTER TABLE t DROP COLUMN b;\r", Dialect.POSTGRESQL);
        assertEquals(List.of("ALTER TABLE t DROP COLUMN b"), texts(statements));
        assertEquals(2, statements.get(0).line());
        assertEquals(List.of("DROP TABLE t"), texts(split("# x\rDROP TABLE t;", Dialect.MYSQL)));
        assertEquals(List.of("DROP TABLE t"), texts(split("-- x\rDROP TABLE t;", Dialect.MYSQL)));
    }

    @Test
    void linesAreCountedTheSameForEveryLineEnd() {
        String lf = "-- header\n\nCREATE TABLE a (id int);\n-- migsafe:ignore DL201 gone\nDROP TABLE b;\n  SELECT 1;\n";
        for (String end : List.of("\n", "\r\n", "\r")) {
            List<SqlStatement> statements = split(lf.replace("\n", end), Dialect.POSTGRESQL);
            assertEquals(List.of(3, 5, 6), statements.stream().map(SqlStatement::line).toList(), "line end " + end.length());
            assertEquals(List.of("CREATE TABLE a (id int)", "DROP TABLE b", "SELECT 1"), texts(statements));
            Suppression ignore = statements.get(1).suppressions().get(0);
            assertEquals(List.of("DL201"), ignore.ruleIds());
            assertEquals("gone", ignore.reason());
            assertEquals(4, ignore.line());
        }
        // mixed: CRLF then lone CR then LF
        List<SqlStatement> mixed = split("SELECT 1;\r\n-- c\rSELECT 2;\nSELECT 3;", Dialect.POSTGRESQL);
        assertEquals(List.of(1, 3, 4), mixed.stream().map(SqlStatement::line).toList());
    }

    @Test
    void mysqlDelimiterLinesEndAtALoneCarriageReturn() {
        String sql = "DELIMITER //\rCREATE PROCEDURE p() BEGIN SELECT 1; END //\rDELIMITER ;\rCALL p();\r";
        List<SqlStatement> statements = split(sql, Dialect.MYSQL);
        assertEquals(List.of("CREATE PROCEDURE p() BEGIN SELECT 1; END", "CALL p()"), texts(statements));
        assertEquals(List.of(2, 4), statements.stream().map(SqlStatement::line).toList());
    }

    @Test
    void syntaxErrorsNameTheLineAfterLoneCarriageReturns() {
        SqlSyntaxException e = org.junit.jupiter.api.Assertions.assertThrows(SqlSyntaxException.class,
                () -> split("SELECT 1;\r\rSELECT 'x;\r", Dialect.POSTGRESQL));
        assertEquals(3, e.line());
    }

    /**
     * The issue's measurement: ten real corpus files converted to CR-only line ends yield the same
     * statements (count, text and kinds) as the originals.
     */
    @Test
    @UsesCorpus
    void corpusFilesConvertedToCarriageReturnsKeepEveryStatement() throws IOException {
        Path corpus = Corpus.require(".");
        List<Path> files;
        try (Stream<Path> marquez = Files.walk(corpus.resolve("marquez"));
             Stream<Path> harbor = Files.walk(corpus.resolve("harbor/make/migrations/postgresql"))) {
            files = Stream.concat(marquez, harbor).filter(p -> p.toString().endsWith(".sql")).sorted()
                    .filter(LineEndingsTest::hasLineComment).limit(10).toList();
        }
        assertEquals(10, files.size());
        int total = 0;
        for (Path file : files) {
            String lf = Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
            List<ParsedStatement> original = parse(file, lf);
            List<ParsedStatement> cr = parse(file, lf.replace('\n', '\r'));
            assertEquals(original.size(), cr.size(), file.toString());
            for (int i = 0; i < original.size(); i++) {
                ParsedStatement o = original.get(i);
                ParsedStatement c = cr.get(i);
                assertEquals(o.statement().text(), c.statement().text().replace('\r', '\n'), file + " #" + i);
                assertEquals(o.statement().line(), c.statement().line(), file + " #" + i);
                assertEquals(kinds(o), kinds(c), file + " #" + i);
            }
            total += original.size();
        }
        assertTrue(total >= 50, "only " + total + " statements in the ten files");
    }

    private static boolean hasLineComment(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).contains("--");
        } catch (IOException e) {
            return false;
        }
    }

    private static List<ParsedStatement> parse(Path file, String text) {
        return new SqlScriptParser().parse(new MigrationScript(file.getFileName().toString(), text), Dialect.POSTGRESQL);
    }

    private static List<String> kinds(ParsedStatement statement) {
        return statement.changes().stream().map(Change::getClass).map(Class::getSimpleName).toList();
    }
}
