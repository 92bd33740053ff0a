package dev.migsafe.peer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.migsafe.analysis.AnalysisRequest;
import dev.migsafe.dialect.Dialect;
import dev.migsafe.rules.Finding;
import dev.migsafe.rules.ServerVersion;
import dev.migsafe.source.Migration;
import dev.migsafe.sql.MigrationScript;
import dev.migsafe.sql.TransactionMode;

/**
 * migsafe against Atlas {@code migrate lint} integration cases ({@code atlas-cases.jsonl}). Files
 * Atlas does not lint ({@code --latest=N}) are the older release; each linted file is checked on its
 * own after the ones before it, as Atlas does (migsafe's per-migration window, like {@code analyze}).
 * Atlas runs a file in a transaction unless it says {@code atlas:txmode none}. SQLite cases are
 * read with the PostgreSQL dialect (migsafe has no SQLite dialect). Per case, the diagnostic classes
 * Atlas reports (BC backward incompatible, DS destructive, MF data dependent, and PG concurrent
 * index) are compared with the classes of migsafe's findings; a case where neither side reports
 * any counts once, under "none".
 */
public final class AtlasAgreement {

    /** Atlas class -> migsafe rules that answer the same question. */
    static final Map<String, List<String>> MAPPING = new LinkedHashMap<>();

    static {
        MAPPING.put("BC", List.of("BC101", "BC102"));
        MAPPING.put("DS", List.of("BC103", "BC104"));
        MAPPING.put("MF", List.of("BC106", "BC107", "BC109", "LK604", "LK613"));
        MAPPING.put("PG", List.of("LK601", "LK602"));
    }

    private static final Map<String, String> HEADERS = Map.of(
            "backward incompatible changes detected", "BC",
            "destructive changes detected", "DS",
            "data dependent changes detected", "MF",
            "concurrent index violations detected", "PG");
    private static final Pattern CODE = Pattern.compile("\\b(BC|DS|MF|PG)1\\d\\d\\b");
    private static final Pattern FILE_NUMBER = Pattern.compile("(\\d+)\\.sql$");

    private AtlasAgreement() {
    }

    public static Agreement run(Path jsonl) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Agreement agreement = new Agreement();
        for (String line : Files.readAllLines(jsonl)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode c = json.readTree(line);
            if (c.get("expect_violation").isNull() || c.get("case").asText().contains("-ignore.")) {
                continue; // custom --log output, or a test of Atlas's nolint directive syntax
            }
            String dialect = c.get("dialect").asText();
            String name = dialect + " " + c.get("case").asText();
            Set<String> expected = expectedClasses(c.get("expected_output").asText(""));
            Set<String> rules = new TreeSet<>();
            MAPPING.values().forEach(rules::addAll);
            List<Finding> findings = PeerRun.findings(request(c), rules);
            Set<String> actual = new TreeSet<>();
            findings.forEach(f -> actual.add(classOf(f.ruleId())));
            if (expected.isEmpty() && actual.isEmpty()) {
                agreement.add(new Agreement.Outcome("none", name, false, false, ""));
                continue;
            }
            Set<String> classes = new TreeSet<>(expected);
            classes.addAll(actual);
            for (String k : classes) {
                List<Finding> ofClass = findings.stream().filter(f -> classOf(f.ruleId()).equals(k)).toList();
                agreement.add(new Agreement.Outcome(k, name, expected.contains(k), actual.contains(k),
                        SquawkAgreement.describe(ofClass)));
            }
        }
        return agreement;
    }

    static Set<String> expectedClasses(String output) {
        Set<String> classes = new TreeSet<>();
        HEADERS.forEach((header, k) -> {
            if (output.contains(header)) {
                classes.add(k);
            }
        });
        Matcher m = CODE.matcher(output);
        while (m.find()) {
            classes.add(m.group(1));
        }
        return classes;
    }

    private static String classOf(String ruleId) {
        for (Map.Entry<String, List<String>> e : MAPPING.entrySet()) {
            if (e.getValue().contains(ruleId)) {
                return e.getKey();
            }
        }
        throw new IllegalArgumentException(ruleId);
    }

    private static AnalysisRequest request(JsonNode c) {
        String dialect = c.get("dialect").asText();
        ServerVersion server = dialect.startsWith("mysql") ? ServerVersion.parse(Dialect.MYSQL, dialect.substring(5) + ".0")
                : dialect.startsWith("postgres") ? ServerVersion.parse(Dialect.POSTGRESQL, dialect.substring(8))
                : ServerVersion.POSTGRES_DEFAULT;
        List<Migration> older = new ArrayList<>();
        List<Migration> all = new ArrayList<>();
        for (JsonNode file : c.get("migrations")) {
            String path = file.get("name").asText();
            Matcher n = FILE_NUMBER.matcher(path);
            String id = n.find() ? n.group(1) : String.valueOf(all.size() + 1);
            String sql = file.get("sql").asText();
            MigrationScript script = new MigrationScript(path, sql).withTransaction(
                    sql.contains("atlas:txmode none") ? TransactionMode.NO_TRANSACTION : TransactionMode.IN_TRANSACTION);
            Migration m = new Migration(id, MigrationVersion.fromVersion(id), path, Migration.Kind.VERSIONED, MigrationTool.PLAIN_SQL,
                    script, null);
            all.add(m);
            if (!file.get("linted").asBoolean()) {
                older.add(m);
            }
        }
        return PeerRun.request(server, older, all, AnalysisRequest.Window.PER_MIGRATION);
    }

    static Map<String, String> mappingForTable() {
        Map<String, String> m = new LinkedHashMap<>();
        MAPPING.forEach((k, v) -> m.put(k, String.join(", ", v)));
        m.put("none", "(neither reports BC/DS/MF/PG)");
        return m;
    }
}
