package dev.migsafe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Statements nested too deeply for the parser's (or migsafe's own) recursion are PS501 findings:
 * never a StackOverflowError, never a stack trace, and the exit code follows the verdict.
 */
class DeepNestingCliTest {

    @TempDir
    Path tmp;

    private CliRun analyze(String sql) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("db"));
        Files.writeString(dir.resolve("V1__init.sql"), "CREATE TABLE t (a int, b int);\n");
        Files.writeString(dir.resolve("V2__deep.sql"), sql);
        return CliRun.of("analyze", dir.toString(), "--project", tmp.toString(), "--dialect", "postgresql",
                "--format", "json");
    }

    /** PS501 findings. */
    private static List<String> problems(CliRun run) {
        List<String> found = new ArrayList<>();
        for (JsonNode f : run.json().path("findings")) {
            if (f.path("ruleId").asText().equals("PS501")) {
                found.add(f.toString());
            }
        }
        return found;
    }

    private static void assertNoCrash(CliRun run) {
        assertEquals(0, run.exitCode(), run::toString); // PS501 is a warning: GO under the default --fail-on
        assertFalse(run.err().contains("StackOverflowError"), run::toString);
        assertFalse(run.err().contains("\tat "), run::toString);
        assertFalse(run.out().contains("\tat "), "no stack trace");
    }

    @Test
    void aViewOfEightThousandTermsIsAnalyzedNotCrashed() throws IOException {
        String sum = "a" + " + a".repeat(8000);
        CliRun run = analyze("CREATE VIEW v AS SELECT " + sum + " AS s FROM t;\nALTER TABLE t ADD COLUMN c int;\n");
        assertNoCrash(run);
        assertEquals(List.of(), problems(run), run::toString); // the deep-stack threads read it in full
        assertEquals(3, run.json().path("summary").path("statements").asInt(), run::toString);
    }

    @Test
    void deepParenthesesLongBooleanChainsAndNestedCaseAreReportedNotCrashed() throws IOException {
        String parens = "(".repeat(5000) + "1" + ")".repeat(5000);
        String chain = "a = 1" + " AND b = 2 OR a = 3".repeat(4000);
        String cases = "CASE WHEN a = 1 THEN ".repeat(3000) + "1" + " END".repeat(3000);
        String subqueries = "SELECT * FROM (".repeat(2000) + "SELECT a FROM t" + ") x".repeat(2000);
        CliRun run = analyze("CREATE VIEW v1 AS SELECT " + parens + " AS p FROM t;\n"
                + "UPDATE t SET a = 1 WHERE " + chain + ";\n"
                + "CREATE VIEW v2 AS SELECT " + cases + " AS c FROM t;\n"
                + "CREATE VIEW v3 AS " + subqueries + ";\n"
                + "DELETE FROM t WHERE a IN (" + "SELECT a FROM t WHERE a IN (".repeat(2000) + "1" + "))".repeat(2000) + ";\n");
        assertNoCrash(run);
        assertEquals(5, run.json().path("summary").path("statements").asInt() - 1, run::toString);
    }
}
