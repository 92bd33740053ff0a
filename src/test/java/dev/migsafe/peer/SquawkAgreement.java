package dev.migsafe.peer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

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
import dev.migsafe.tool.MigrationTool;

/**
 * migsafe against squawk's own test cases ({@code squawk-cases.jsonl}): each case's SQL is one
 * migration, deployed on an empty older release. Tables the case alters without creating are
 * existing tables (the analyzer adopts them into the starting schema), which is squawk's
 * assumption; tables it creates are new. A case's {@code pg_version} becomes the server version,
 * and {@code assume_in_transaction} means the runner wraps the file (unless the case opts out with
 * squawk's {@code -- squawk-disable-assume-in-transaction}); otherwise the file runs as plain SQL.
 */
public final class SquawkAgreement {

    /** squawk rule -> the migsafe rules that answer the same question. */
    static final Map<String, List<String>> MAPPING = new LinkedHashMap<>();

    static {
        MAPPING.put("adding-field-with-default", List.of("LK606"));
        MAPPING.put("adding-foreign-key-constraint", List.of("LK603"));
        MAPPING.put("adding-not-nullable-field", List.of("LK604"));
        MAPPING.put("adding-required-field", List.of("BC106"));
        MAPPING.put("adding-serial-primary-key-field", List.of("LK607"));
        MAPPING.put("ban-concurrent-index-creation-in-transaction", List.of("LK602"));
        MAPPING.put("ban-drop-column", List.of("BC104"));
        MAPPING.put("ban-drop-table", List.of("BC103"));
        MAPPING.put("changing-column-type", List.of("LK605"));
        MAPPING.put("constraint-missing-not-valid", List.of("LK603"));
        MAPPING.put("disallowed-unique-constraint", List.of("LK607"));
        MAPPING.put("prefer-repack", List.of("LK609"));
        MAPPING.put("renaming-column", List.of("BC102"));
        MAPPING.put("renaming-table", List.of("BC101"));
        MAPPING.put("require-concurrent-index-creation", List.of("LK601"));
        MAPPING.put("require-concurrent-index-deletion", List.of("LK601"));
        MAPPING.put("require-concurrent-reindex", List.of("LK609"));
        MAPPING.put("require-lock-timeout", List.of("LK608"));
    }

    private SquawkAgreement() {
    }

    public static Agreement run(Path jsonl) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Agreement agreement = new Agreement();
        for (String line : Files.readAllLines(jsonl)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode c = json.readTree(line);
            List<String> rules = MAPPING.get(c.get("rule").asText());
            if (rules == null) {
                continue;
            }
            List<Finding> findings = predicted(c);
            agreement.add(new Agreement.Outcome(c.get("rule").asText(), c.get("name").asText(),
                    c.get("expect_violation").asBoolean(), !findings.isEmpty(), describe(findings)));
        }
        return agreement;
    }

    /** The migsafe rules a squawk rule maps to, or null when it is not mapped. */
    public static List<String> rules(String squawkRule) {
        return MAPPING.get(squawkRule);
    }

    /** migsafe's active findings of the rules the case's squawk rule maps to. */
    public static List<Finding> predicted(JsonNode c) {
        return PeerRun.findings(PeerRun.request(server(c), List.of(), List.of(migration(c)), AnalysisRequest.Window.RANGE),
                new TreeSet<>(rules(c.get("rule").asText())));
    }

    /** The case's {@code pg_version}, or null when it does not name one. */
    public static String serverVersion(JsonNode c) {
        JsonNode settings = c.get("settings");
        return settings != null && settings.hasNonNull("pg_version") ? settings.get("pg_version").asText() : null;
    }

    private static ServerVersion server(JsonNode c) {
        return ServerVersion.parse(Dialect.POSTGRESQL, serverVersion(c));
    }

    /** The case's SQL as one migration, wrapped in a transaction when the case assumes one. */
    public static Migration migration(JsonNode c) {
        JsonNode settings = c.get("settings");
        String sql = c.get("sql").asText();
        boolean wrapped = settings != null && settings.path("assume_in_transaction").asBoolean(false)
                && !sql.contains("squawk-disable-assume-in-transaction");
        MigrationScript script = new MigrationScript(c.get("name").asText() + ".sql", sql)
                .withTransaction(wrapped ? TransactionMode.IN_TRANSACTION : TransactionMode.RUNNER_DEFAULT);
        return new Migration("1", MigrationVersion.fromVersion("1"), c.get("name").asText(),
                Migration.Kind.VERSIONED, MigrationTool.PLAIN_SQL, script, null);
    }

    static String describe(List<Finding> findings) {
        Set<String> parts = new TreeSet<>();
        findings.forEach(f -> parts.add(f.ruleId() + "@L" + f.line()));
        return String.join(", ", parts);
    }

    static Map<String, String> mappingForTable() {
        Map<String, String> m = new LinkedHashMap<>();
        MAPPING.forEach((k, v) -> m.put(k, String.join(", ", v)));
        return m;
    }
}
