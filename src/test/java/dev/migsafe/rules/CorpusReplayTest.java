package dev.migsafe.rules;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;

import dev.migsafe.analysis.AnalysisRequest;
import dev.migsafe.analysis.AnalysisResult;
import dev.migsafe.analysis.Analyzer;
import dev.migsafe.rules.Finding;
import dev.migsafe.source.Migration;
import dev.migsafe.sql.MigrationScript;
import dev.migsafe.sql.Dialect;
import dev.migsafe.sql.SqlScriptParser;
import dev.migsafe.test.Corpus;

/**
 * Real histories through parser, replayer and every rule: nothing may throw on what real projects
 * wrote (objects created outside the migrations, edits, odd statements). Prints the findings per
 * rule as a measurement. Needs the corpus (../shared/corpus).
 */
class CorpusReplayTest {
    /** V47__x.sql, V0006.Name.up.sql, 0120_2.9.0_schema.up.sql */
    private static final Pattern VERSION = Pattern.compile("^V?(\\d+)[._]");

    @Test
    void marquez() {
        run("marquez/api/src/main/resources/marquez/db/migration", Dialect.POSTGRESQL, "V", ".sql");
    }

    @Test
    void autheliaPostgres() {
        run("authelia/internal/storage/migrations/postgres", Dialect.POSTGRESQL, "V", ".up.sql");
    }

    @Test
    void autheliaMysql() {
        run("authelia/internal/storage/migrations/mysql", Dialect.MYSQL, "V", ".up.sql");
    }

    @Test
    void harbor() {
        run("harbor/make/migrations/postgresql", Dialect.POSTGRESQL, "", ".up.sql");
    }

    private static void run(String dir, Dialect dialect, String prefix, String suffix) {
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
                out.add(new Migration(id, MigrationVersion.fromVersion(id), name, Migration.Kind.VERSIONED, "corpus",
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
