package dev.migsafe.rules;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migsafe.dialect.Dialect;
import dev.migsafe.tool.MigrationTool;
import org.flywaydb.core.api.MigrationVersion;

import dev.migsafe.analysis.AnalysisRequest;
import dev.migsafe.analysis.AnalysisResult;
import dev.migsafe.analysis.Analyzer;
import dev.migsafe.dialect.Dialect;
import dev.migsafe.source.FlywaySettings;
import dev.migsafe.source.Migration;
import dev.migsafe.sql.MigrationScript;
import dev.migsafe.sql.ScriptParser;
import dev.migsafe.sql.SqlScriptParser;
import dev.migsafe.sql.TransactionMode;

/**
 * Rule tests in the style of Error Prone's CompilationTestHelper: SQL in, expected findings marked
 * inline with {@code -- expect: ID[,ID]} on the line where they must be reported.
 *
 * <pre>{@code
 * RuleTester.postgres().only("BC102")
 *     .released("CREATE TABLE users (id int PRIMARY KEY, name text);")
 *     .deploy("ALTER TABLE users RENAME COLUMN name TO full_name; -- expect: BC102")
 *     .check();
 * }</pre>
 *
 * Each {@code released} / {@code deploy} call is one migration (ids "1", "2", ... in call order, file
 * {@code V<id>__m.sql}; a down is {@code U<id>__m.sql}). {@link #check()} runs the real pipeline
 * (parser, analyzer, catalog) over the range and asserts that the active findings of the selected
 * rules are exactly the marks: same file, same line, same rule. On a line whose comment means something
 * itself (a {@code migsafe:ignore}), write the mark as a block comment before it:
 * {@code /* expect: CF701 *}{@code / -- migsafe:ignore BC104}.
 */
public final class RuleTester {
    private static final Pattern EXPECT = Pattern.compile("(?:--|/\\*)\\s*expect:\\s*([A-Z]{2}[0-9]{3}(?:\\s*,\\s*[A-Z]{2}[0-9]{3})*)");

    private final Dialect dialect;
    private final Set<String> only = new TreeSet<>();
    /** id -> migration as the older release has it */
    private final Map<String, Migration> older = new LinkedHashMap<>();
    /** id -> migration as the newer release has it */
    private final Map<String, Migration> newer = new LinkedHashMap<>();
    private int nextId = 1;
    private String lastId;
    private String format = "flyway";
    private ServerVersion server;
    private FlywaySettings flyway = FlywaySettings.DEFAULTS;

    private RuleTester(Dialect dialect) {
        this.dialect = dialect;
    }

    public static RuleTester postgres() {
        return new RuleTester(Dialect.POSTGRESQL);
    }

    public static RuleTester mysql() {
        return new RuleTester(Dialect.MYSQL);
    }

    /** Checks only these rules' findings (all rules when never called). */
    public RuleTester only(String... ruleIds) {
        only.addAll(Arrays.asList(ruleIds));
        return this;
    }

    /** The server version the lock rules assume, as users write it ("11", "8.0.28", "mariadb-10.6"). */
    public RuleTester serverVersion(String version) {
        server = ServerVersion.parse(dialect, version);
        return this;
    }

    /** The project's Flyway settings (Flyway's defaults unless called). */
    public RuleTester flyway(FlywaySettings settings) {
        flyway = settings;
        return this;
    }

    /** The source format of the migrations added after this call (default "flyway"): runners wrap files differently. */
    public RuleTester format(String format) {
        this.format = format;
        return this;
    }

    /** What the last migration's settings say about the runner's transaction (Flyway .sql.conf, dbmate marker). */
    public RuleTester transaction(TransactionMode mode) {
        Migration m = newer.get(lastId);
        Migration changed = new Migration(m.id(), m.version(), m.description(), m.kind(), m.tool(),
                m.up().withTransaction(mode), m.down());
        newer.put(lastId, changed);
        if (older.containsKey(lastId)) {
            older.put(lastId, changed);
        }
        return this;
    }

    /** A migration of the older release (still present, unchanged, in the newer one). */
    public RuleTester released(String sql) {
        Migration m = migration(String.valueOf(nextId++), Migration.Kind.VERSIONED, sql);
        older.put(m.id(), m);
        newer.put(m.id(), m);
        lastId = m.id();
        return this;
    }

    /** A migration of the range: in the newer release only. */
    public RuleTester deploy(String sql) {
        return deployVersion(String.valueOf(nextId++), sql);
    }

    /** A migration of the range with an explicit version, e.g. to sort it between released ones. */
    public RuleTester deployVersion(String version, String sql) {
        Migration m = migration(version, Migration.Kind.VERSIONED, sql);
        newer.put(m.id(), m);
        lastId = m.id();
        return this;
    }

    /** A repeatable migration of the range (no version, no down expected). */
    public RuleTester deployRepeatable(String description, String sql) {
        Migration m = new Migration(description, null, description, Migration.Kind.REPEATABLE, MigrationTool.FLYWAY,
                new MigrationScript("R__" + description + ".sql", sql), null);
        newer.put(m.id(), m);
        lastId = m.id();
        return this;
    }

    /** The newer release carries another text for the last released migration. */
    public RuleTester editedInNewer(String sql) {
        Migration old = newer.get(lastId);
        newer.put(lastId, new Migration(old.id(), old.version(), old.description(), old.kind(), old.tool(),
                new MigrationScript(old.up().path(), sql), old.down()));
        return this;
    }

    /** The newer release no longer has the last released migration. */
    public RuleTester removedInNewer() {
        newer.remove(lastId);
        return this;
    }

    /** Gives the last migration a down script. */
    public RuleTester withDown(String sql) {
        Migration m = newer.get(lastId);
        Migration withDown = new Migration(m.id(), m.version(), m.description(), m.kind(), m.tool(), m.up(),
                new MigrationScript("U" + m.id() + "__m.sql", sql));
        newer.put(lastId, withDown);
        if (older.containsKey(lastId)) {
            older.put(lastId, withDown);
        }
        return this;
    }

    /** Runs the pipeline and asserts the findings are exactly the {@code -- expect:} marks. */
    public void check() {
        List<String> expected = expectedMarks();
        List<Finding> findings = findings();
        List<String> actual = findings.stream().map(f -> f.file() + ":" + f.line() + ": " + f.ruleId()).sorted().toList();
        if (!expected.equals(actual)) {
            StringBuilder sb = new StringBuilder("findings differ from the -- expect: marks\nexpected: " + expected
                    + "\nactual:   " + actual + "\n");
            findings.forEach(f -> sb.append("  ").append(f.file()).append(':').append(f.line()).append(' ')
                    .append(f.ruleId()).append(' ').append(f.object()).append(": ").append(f.message()).append('\n'));
            fail(sb.toString());
        }
    }

    /** The active findings of the selected rules, for assertions on messages. */
    public List<Finding> findings() {
        List<Migration> olderList = sorted(older.values());
        List<Migration> newerList = sorted(newer.values());
        AnalysisResult result = new Analyzer(parser(), RuleCatalog.all()).run(
                new AnalysisRequest(dialect, olderList, newerList, AnalysisRequest.Window.RANGE, Map.of(),
                        server != null ? server : ServerVersion.defaultFor(dialect), flyway));
        return result.findings().stream()
                .filter(Finding::isActive)
                .filter(f -> only.isEmpty() || only.contains(f.ruleId()))
                .toList();
    }

    /** The single finding of the selected rules; fails when there is not exactly one. */
    public Finding onlyFinding() {
        List<Finding> findings = findings();
        if (findings.size() != 1) {
            fail("expected exactly one finding, got " + findings);
        }
        return findings.get(0);
    }

    private static ScriptParser parser() {
        return new SqlScriptParser();
    }

    private List<String> expectedMarks() {
        List<String> marks = new ArrayList<>();
        for (Migration m : newer.values()) {
            addMarks(m.up(), marks);
            if (m.down() != null) {
                addMarks(m.down(), marks);
            }
        }
        // marks in a removed migration's file (HS401 reports there)
        for (Migration m : older.values()) {
            if (!newer.containsKey(m.id())) {
                addMarks(m.up(), marks);
            }
        }
        marks.sort(Comparator.naturalOrder());
        return marks;
    }

    private void addMarks(MigrationScript script, List<String> marks) {
        String[] lines = script.content().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = EXPECT.matcher(lines[i]);
            if (m.find()) {
                for (String id : m.group(1).split(",")) {
                    String rule = id.trim();
                    if (only.isEmpty() || only.contains(rule)) {
                        marks.add(script.path() + ":" + (script.firstLine() + i) + ": " + rule);
                    }
                }
            }
        }
    }

    private Migration migration(String id, Migration.Kind kind, String sql) {
        return new Migration(id, MigrationVersion.fromVersion(id), "m", kind, MigrationTool.ofFormat(format),
                new MigrationScript("V" + id + "__m.sql", sql), null);
    }

    private static List<Migration> sorted(Iterable<Migration> migrations) {
        List<Migration> list = new ArrayList<>();
        migrations.forEach(list::add);
        // versioned in version order, repeatable ones after them (as Flyway runs them)
        list.sort(Comparator.comparing((Migration m) -> m.version() == null)
                .thenComparing(m -> m.version(), Comparator.nullsLast(Comparator.naturalOrder())));
        return list;
    }
}
