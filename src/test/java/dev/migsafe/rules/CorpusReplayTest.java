package dev.migsafe.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.migsafe.dialect.Dialect;
import dev.migsafe.tool.MigrationTool;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;

import dev.migsafe.analysis.AnalysisRequest;
import dev.migsafe.analysis.AnalysisResult;
import dev.migsafe.analysis.Analyzer;
import dev.migsafe.dialect.Dialect;
import dev.migsafe.rules.Finding;
import dev.migsafe.source.Migration;
import dev.migsafe.sql.MigrationScript;
import dev.migsafe.sql.SqlScriptParser;
import dev.migsafe.test.Corpus;
import dev.migsafe.test.UsesCorpus;

/**
 * Real histories through parser, replayer and every rule: nothing may throw on what real projects
 * wrote (objects created outside the migrations, edits, odd statements), the renames and drops they
 * really make are found, and PS501 stands for exactly the statements not understood. Prints the
 * findings per rule as a measurement. Needs the corpus (../shared/corpus).
 */
@UsesCorpus
class CorpusReplayTest {
    /** V47__x.sql, V0006.Name.up.sql, 0120_2.9.0_schema.up.sql */
    private static final Pattern VERSION = Pattern.compile("^V?(\\d+)[._]");

    @Test
    void marquez() {
        run("marquez/api/src/main/resources/marquez/db/migration", Dialect.POSTGRESQL, "V", ".sql",
                "BC102 V61__unique_job_fqn_index.sql:45");
    }

    @Test
    void autheliaPostgres() {
        run("authelia/internal/storage/migrations/postgres", Dialect.POSTGRESQL, "V", ".up.sql",
                "BC102 V0024.WebAuthnAttestationType.up.sql:1");
    }

    @Test
    void autheliaMysql() {
        run("authelia/internal/storage/migrations/mysql", Dialect.MYSQL, "V", ".up.sql",
                "BC102 V0024.WebAuthnAttestationType.up.sql:1");
    }

    @Test
    void harbor() {
        run("harbor/make/migrations/postgresql", Dialect.POSTGRESQL, "", ".up.sql",
                "BC102 0004_1.8.0_schema.up.sql:60", "BC102 0004_1.8.0_schema.up.sql:61", "BC104 0004_1.8.0_schema.up.sql:64");
    }

    /**
     * @param known findings the history must give, as "RULE file:line": renames and drops its files
     *              really make (a rule that stops seeing them fails here, not only in the printout)
     */
    private static void run(String dir, Dialect dialect, String prefix, String suffix, String... known) {
        Path root = Corpus.require(dir);
        List<Migration> migrations = migrations(root, prefix, suffix);
        assertTrue(migrations.size() > 5, "found the corpus migrations in " + root);
        AnalysisResult result = new Analyzer(new SqlScriptParser(), RuleCatalog.all()).run(
                new AnalysisRequest(dialect, List.of(), migrations, AnalysisRequest.Window.PER_MIGRATION, Map.of()));
        Map<String, Integer> perRule = new TreeMap<>();
        for (Finding f : result.findings()) {
            perRule.merge(f.ruleId(), 1, Integer::sum);
        }
        System.out.printf("corpus %s: %d migrations, %d statements, %d not understood, tables at the end %d, "
                        + "findings %s%n", dir, migrations.size(), result.statements(), result.unparsed(),
                result.newerSchema().tables().size(), perRule);
        assertTrue(result.statements() > 0);
        assertTrue(result.newerSchema().tables().size() > 0, "the replayed schema has tables");
        // PS501 is exactly the statements the parser gave up on: none on a statement that parsed, none missed
        assertEquals(result.unparsed(), perRule.getOrDefault("PS501", 0), "PS501 findings vs statements not understood");
        Set<String> found = result.findings().stream().map(f -> f.ruleId() + " " + f.file() + ":" + f.line())
                .collect(Collectors.toSet());
        for (String finding : known) {
            assertTrue(found.contains(finding), finding + " not found in " + dir);
        }
    }

    private static List<Migration> migrations(Path root, String prefix, String suffix) {
        List<Migration> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(root)) {
            for (Path up : files.sorted().toList()) {
                String name = up.getFileName().toString();
                Matcher m = VERSION.matcher(name);
                if (!name.startsWith(prefix) || !name.endsWith(suffix) || !m.find()) {
                    continue;
                }
                String id = String.valueOf(Integer.parseInt(m.group(1)));
                Path down = root.resolve(name.substring(0, name.length() - suffix.length()) + ".down.sql");
                out.add(new Migration(id, MigrationVersion.fromVersion(id), name, Migration.Kind.VERSIONED, MigrationTool.PLAIN_SQL,
                        script(root, up), suffix.equals(".up.sql") && Files.exists(down) ? script(root, down) : null));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.sort(Comparator.comparing(Migration::version));
        return out;
    }

    private static MigrationScript script(Path root, Path file) throws IOException {
        return new MigrationScript(root.relativize(file).toString(), Files.readString(file));
    }
}
