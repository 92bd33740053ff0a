package dev.migsafe.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import dev.migsafe.dialect.Dialect;
import dev.migsafe.tool.MigrationTool;
import org.flywaydb.core.api.MigrationVersion;

import org.junit.jupiter.api.Test;

import dev.migsafe.dialect.Dialect;
import dev.migsafe.rules.Finding;
import dev.migsafe.rules.RuleCatalog;
import dev.migsafe.rules.RuleTester;
import dev.migsafe.source.Migration;
import dev.migsafe.sql.MigrationScript;
import dev.migsafe.sql.SqlScriptParser;

/**
 * Inline suppressions through the real pipeline: statement level, file level ({@code ignore-file} in
 * the leading comment block), a reason required (CF701), and suppressions that silence nothing (CF702).
 */
class SuppressionTest {

    @Test
    void ignoreFileSilencesEveryFindingOfTheRuleInTheFile() {
        RuleTester.postgres().only("BC104", "CF701", "CF702")
                .released("CREATE TABLE users (id int, a text, b text);")
                .deploy("-- V2: retire the legacy columns\n"
                        + "-- migsafe:ignore-file BC104 a and b unused since v1.1 (#482)\n"
                        + "\n"
                        + "ALTER TABLE users DROP COLUMN a;\n"
                        + "ALTER TABLE users DROP COLUMN b;")
                .check();
        List<Finding> findings = analyze("CREATE TABLE users (id int, a text, b text);",
                "/* migsafe:ignore-file BC104 a and b unused since v1.1 */\n"
                        + "ALTER TABLE users DROP COLUMN a;\nALTER TABLE users DROP COLUMN b;")
                .stream().filter(f -> f.ruleId().equals("BC104")).toList();
        assertEquals(2, findings.size());
        findings.forEach(f -> {
            assertTrue(f.suppressed(), f.toString());
            assertEquals("a and b unused since v1.1", f.suppressionReason());
        });
    }

    @Test
    void ignoreFileCoversFindingsNotTiedToAStatement() {
        // RB301 (no down) is reported at the top of the file, where no statement-level comment can reach
        RuleTester.postgres().only("RB301", "CF702")
                .released("CREATE TABLE users (id int);")
                .deploy("-- migsafe:ignore-file RB301 append-only table: a down would only lose the audit trail\n"
                        + "CREATE TABLE audit (id bigint);")
                .check();
    }

    @Test
    void ignoreFileCoversOnlyItsOwnFile() {
        RuleTester.postgres().only("BC104", "CF702")
                .released("CREATE TABLE users (id int, a text, b text);")
                .deploy("-- migsafe:ignore-file BC104 a unused since v1.1\nALTER TABLE users DROP COLUMN a;")
                .deploy("ALTER TABLE users DROP COLUMN b; -- expect: BC104")
                .check();
    }

    @Test
    void ignoreFileAfterTheFirstStatementSilencesNothingAndIsReported() {
        RuleTester tester = RuleTester.postgres().only("BC104", "CF702")
                .released("CREATE TABLE users (id int, a text);")
                .deploy("CREATE TABLE tags (id int);\n"
                        + "/* expect: CF702 */ -- migsafe:ignore-file BC104 a unused since v1.1\n"
                        + "ALTER TABLE users DROP COLUMN a; -- expect: BC104");
        tester.check();
        Finding cf702 = tester.findings().stream().filter(f -> f.ruleId().equals("CF702")).findFirst().orElseThrow();
        assertTrue(cf702.message().contains("after the first statement"), cf702.message());
        assertEquals("configuration", cf702.category().id());
        assertEquals("warning", cf702.severity().id());
    }

    @Test
    void ignoreFileWithoutAReasonIsCf701() {
        RuleTester.postgres().only("BC104", "CF701", "CF702")
                .released("CREATE TABLE users (id int, a text);")
                .deploy("/* expect: CF701 */ -- migsafe:ignore-file BC104\n"
                        + "ALTER TABLE users DROP COLUMN a; -- expect: BC104")
                .check();
    }

    @Test
    void statementSuppressionThatSilencesNothingIsCf702() {
        RuleTester.postgres().only("BC104", "CF702")
                .released("CREATE TABLE users (id int, a text);")
                .deploy("/* expect: CF702 */ -- migsafe:ignore BC104 leftover from an older version of this file\n"
                        + "ALTER TABLE users ADD COLUMN c text;\n"
                        + "-- migsafe:ignore BC104 a unused since v1.1\n"
                        + "ALTER TABLE users DROP COLUMN a;")
                .check();
    }

    @Test
    void misspeltRuleIdIsNamed() {
        RuleTester tester = RuleTester.postgres().only("BC104", "CF702")
                .released("CREATE TABLE users (id int, a text);")
                .deploy("/* expect: CF702 */ -- migsafe:ignore BC140 a unused since v1.1\n"
                        + "ALTER TABLE users DROP COLUMN a; -- expect: BC104");
        tester.check();
        Finding cf702 = tester.findings().stream().filter(f -> f.ruleId().equals("CF702")).findFirst().orElseThrow();
        assertTrue(cf702.message().contains("BC140 is not a rule ID"), cf702.message());
    }

    @Test
    void aSuppressionUsedForOneOfItsRulesIsUsed() {
        RuleTester.postgres().only("BC104", "CF702")
                .released("CREATE TABLE users (id int, a text);")
                .deploy("-- migsafe:ignore BC104,BC103 a unused since v1.1\n"
                        + "ALTER TABLE users DROP COLUMN a;")
                .check();
    }

    @Test
    void aSuppressionCoversOnlyTheStatementItPrecedesWhenTheNextStartsOnTheSameLine() {
        List<Finding> findings = analyze("CREATE TABLE users (id int, a text, b text);",
                "-- migsafe:ignore BC104 a unused since v1.1\n"
                        + "ALTER TABLE users DROP COLUMN a; ALTER TABLE users DROP COLUMN b;");
        Finding a = only(findings, "BC104", "users.a");
        assertTrue(a.suppressed(), a.toString());
        assertEquals("a unused since v1.1", a.suppressionReason());
        Finding b = only(findings, "BC104", "users.b");
        assertFalse(b.suppressed(), "the comment is written before the first statement only: " + b);
        assertEquals(List.of(), findings.stream().filter(f -> f.ruleId().equals("CF702")).toList());
    }

    @Test
    void twoStatementsOnOneLineEachGetTheirOwnSuppression() {
        List<Finding> findings = analyze("CREATE TABLE users (id int, a text, b text);",
                "-- migsafe:ignore BC104 a unused since v1.1\n"
                        + "ALTER TABLE users DROP COLUMN a; /* migsafe:ignore BC104 b moved to profiles */ "
                        + "ALTER TABLE users DROP COLUMN b;");
        assertEquals("a unused since v1.1", only(findings, "BC104", "users.a").suppressionReason());
        assertEquals("b moved to profiles", only(findings, "BC104", "users.b").suppressionReason());
        assertEquals(List.of(), findings.stream().filter(f -> f.ruleId().equals("CF702")).toList());
    }

    @Test
    void onASharedLineASuppressionOfTheOtherStatementsRuleStaysUnused() {
        // the first statement's BC104 comment is its own and must not be lost to the second one's; the
        // second's names a rule its statement does not raise, so that one (and only that one) is CF702
        List<Finding> findings = analyze("CREATE TABLE users (id int, a text, b text);",
                "-- migsafe:ignore BC104 a unused since v1.1\n"
                        + "ALTER TABLE users DROP COLUMN a; /* migsafe:ignore BC103 no table dropped here */ "
                        + "ALTER TABLE users DROP COLUMN b;");
        assertTrue(only(findings, "BC104", "users.a").suppressed());
        assertFalse(only(findings, "BC104", "users.b").suppressed());
        List<Finding> unused = findings.stream().filter(f -> f.ruleId().equals("CF702")).toList();
        assertEquals(1, unused.size(), unused.toString());
        assertEquals("BC103", unused.get(0).object());
    }

    @Test
    void aFindingAboutTheWholeMigrationOnASharedLineGoesWithTheLinesFirstStatement() {
        // RB301 is reported at line 1 with no statement text; the comment written before line 1's first
        // statement is the one that reaches it
        List<Finding> findings = analyze("CREATE TABLE users (id int);",
                "/* migsafe:ignore RB301 append-only tables */ CREATE TABLE audit (id bigint); "
                        + "CREATE TABLE audit_archive (id bigint);");
        Finding missingDown = findings.stream().filter(f -> f.ruleId().equals("RB301")).findFirst().orElseThrow();
        assertEquals("append-only tables", missingDown.suppressionReason());
        assertEquals(List.of(), findings.stream().filter(f -> f.ruleId().equals("CF702")).toList());
    }

    private static Finding only(List<Finding> findings, String ruleId, String object) {
        List<Finding> matching = findings.stream()
                .filter(f -> f.ruleId().equals(ruleId) && f.object().equals(object)).toList();
        assertEquals(1, matching.size(), matching.toString());
        return matching.get(0);
    }

    /** Every finding, suppressed ones included, of one deploy over one released migration. */
    private static List<Finding> analyze(String released, String deploy) {
        Migration v1 = migration("1", released);
        Migration v2 = migration("2", deploy);
        return new Analyzer(new SqlScriptParser(), RuleCatalog.all()).run(new AnalysisRequest(Dialect.POSTGRESQL,
                List.of(v1), List.of(v1, v2), AnalysisRequest.Window.RANGE, Map.of())).findings();
    }

    private static Migration migration(String id, String sql) {
        return new Migration(id, MigrationVersion.fromVersion(id), "m", Migration.Kind.VERSIONED, MigrationTool.FLYWAY,
                new MigrationScript("V" + id + "__m.sql", sql), null);
    }
}
