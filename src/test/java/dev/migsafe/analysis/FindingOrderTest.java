package dev.migsafe.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import dev.migsafe.source.Migration;
import dev.migsafe.sql.MigrationScript;
import dev.migsafe.sql.SqlScriptParser;

/** Findings are sorted by file as people read names, then by line: V2 before V10. */
class FindingOrderTest {

    @Test
    void numbersInFileNamesSortByValue() {
        Migration v1 = versioned("1", "CREATE TABLE users (id int, a text, b text, c text);");
        Migration v2 = versioned("2", "ALTER TABLE users DROP COLUMN a;");
        // findings on two lines of one file
        Migration v10 = versioned("10", "ALTER TABLE users RENAME COLUMN c TO d;\nALTER TABLE users DROP COLUMN b;");

        List<Finding> findings = new Analyzer(new SqlScriptParser(), RuleCatalog.all()).run(new AnalysisRequest(
                Dialect.POSTGRESQL, List.of(v1), List.of(v1, v2, v10), AnalysisRequest.Window.RANGE, Map.of()))
                .findings();

        assertEquals(List.of("V2__m.sql", "V10__m.sql"), findings.stream().map(Finding::file).distinct().toList());
        List<Integer> lines = findings.stream().filter(f -> f.file().equals("V10__m.sql")).map(Finding::line).toList();
        assertTrue(lines.contains(1) && lines.contains(2), lines.toString());
        assertEquals(lines.stream().sorted().toList(), lines, "then by line");
    }

    private static Migration versioned(String id, String up) {
        return new Migration(id, MigrationVersion.fromVersion(id), "m", Migration.Kind.VERSIONED, MigrationTool.FLYWAY,
                new MigrationScript("V" + id + "__m.sql", up), null);
    }
}
