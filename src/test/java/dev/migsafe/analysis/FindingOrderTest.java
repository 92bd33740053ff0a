package dev.migsafe.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.api.MigrationVersion;

import org.junit.jupiter.api.Test;

import dev.migsafe.rules.Category;
import dev.migsafe.rules.Finding;
import dev.migsafe.rules.RuleCatalog;
import dev.migsafe.rules.Severity;
import dev.migsafe.source.Migration;
import dev.migsafe.source.MigrationScript;
import dev.migsafe.sql.Dialect;
import dev.migsafe.sql.ParsedStatement;
import dev.migsafe.sql.SqlScriptParser;
import dev.migsafe.sql.SqlStatement;

/** Findings come in the order the migrations run, not in the order of their paths as text. */
class FindingOrderTest {

    @Test
    void findingsFollowTheMigrationsExecutionOrderNotTheirPathsAsText() {
        Migration v1 = versioned("1", "V1__users.sql", "CREATE TABLE users (id int, a text, b text, c text);", null);
        Migration v2 = versioned("2", "V2__drop_a.sql", "ALTER TABLE users DROP COLUMN a;",
                new MigrationScript("U2__drop_a.sql", "ALTER TABLE users ADD COLUMN a text NOT NULL;"));
        Migration v10 = versioned("10", "V10__drop_b.sql", "ALTER TABLE users DROP COLUMN b;", null);
        // repeatable migrations run after every versioned one, though "R__" sorts first as text
        Migration views = new Migration("views", null, "views", Migration.Kind.REPEATABLE, "flyway",
                new MigrationScript("R__views.sql", "ALTER TABLE users DROP COLUMN c;"), null);

        List<Finding> findings = new Analyzer(new SqlScriptParser(), RuleCatalog.all()).run(new AnalysisRequest(
                Dialect.POSTGRESQL, List.of(v1), List.of(v1, v2, v10, views), AnalysisRequest.Window.RANGE, Map.of()))
                .findings();

        assertEquals(List.of("V2__drop_a.sql", "U2__drop_a.sql", "V10__drop_b.sql", "R__views.sql"), files(findings));
        List<String> inV2 = findings.stream().filter(f -> f.file().equals("V2__drop_a.sql"))
                .map(f -> f.line() + " " + f.ruleId()).toList();
        assertEquals(inV2.stream().sorted().toList(), inV2, "in one file by line, then rule ID");
    }

    @Test
    void filesNoMigrationNamesComeAfterInNaturalOrderAndFindingsWithoutAFileLast() {
        Migration v1 = versioned("1", "db/V1__a.sql", "SELECT 1;", new MigrationScript("db/U1__a.sql", "SELECT 1;"));
        Migration v2 = versioned("2", "db/V2__b.sql", "SELECT 1;", null);
        FindingOrder order = new FindingOrder(List.of(v1, v2), script -> List.of());

        List<Finding> findings = new ArrayList<>(List.of(
                finding("", 0, "CF702", "first without a file"),
                finding("extra/10_x.sql", 1, "BC104", ""),
                finding("db/V2__b.sql", 3, "BC104", ""),
                finding("extra/9_x.sql", 1, "BC104", ""),
                finding("db/U1__a.sql", 1, "RB302", ""),
                finding("db/V1__a.sql", 7, "BC104", ""),
                finding("db/V1__a.sql", 2, "DL201", ""),
                finding("db/V1__a.sql", 2, "BC104", ""),
                finding(null, 0, "BC101", "second without a file")));
        findings.sort(order);

        assertEquals(List.of("db/V1__a.sql:2 BC104", "db/V1__a.sql:2 DL201", "db/V1__a.sql:7 BC104",
                "db/U1__a.sql:1 RB302", "db/V2__b.sql:3 BC104", "extra/9_x.sql:1 BC104", "extra/10_x.sql:1 BC104",
                ":0 CF702", "null:0 BC101"), findings.stream().map(f -> f.file() + ":" + f.line() + " " + f.ruleId()).toList());
    }

    @Test
    void aFileItsStatementsComeFromRanksWithItsMigration() {
        // a Liquibase sqlFile change: the changeSet lives in the changelog, its statements in the SQL file
        Migration first = versioned("1", "changelog.xml", "", null);
        Migration second = versioned("2", "changelog.xml", "", null);
        MigrationScript secondUp = second.up();
        ParsedStatement fromSqlFile = ParsedStatement.understood(
                new SqlStatement("sql/a_drop.sql", 1, "ALTER TABLE users DROP COLUMN a", List.of()), List.of());
        FindingOrder order = new FindingOrder(List.of(first, second),
                script -> script == secondUp ? List.of(fromSqlFile) : List.of());

        List<Finding> findings = new ArrayList<>(List.of(finding("a_unrelated.sql", 1, "BC104", ""),
                finding("sql/a_drop.sql", 1, "BC104", ""), finding("changelog.xml", 40, "BC104", "")));
        findings.sort(order);

        assertEquals(List.of("changelog.xml", "sql/a_drop.sql", "a_unrelated.sql"), files(findings));
    }

    private static List<String> files(List<Finding> findings) {
        return findings.stream().map(Finding::file).distinct().toList();
    }

    private static Finding finding(String file, int line, String ruleId, String message) {
        return new Finding(ruleId, ruleId, Category.BACKWARD_COMPATIBILITY, Severity.ERROR, file, line, "", "", message,
                "", false, null);
    }

    private static Migration versioned(String id, String path, String up, MigrationScript down) {
        return new Migration(id, MigrationVersion.fromVersion(id), "m", Migration.Kind.VERSIONED, "flyway",
                new MigrationScript(path, up), down);
    }
}
