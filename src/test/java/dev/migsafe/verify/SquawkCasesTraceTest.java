package dev.migsafe.verify;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.migsafe.peer.SquawkAgreement;
import dev.migsafe.rules.locking.LockClaim;
import dev.migsafe.source.Migration;
import dev.migsafe.test.Corpus;
import dev.migsafe.test.UsesCorpus;
import dev.migsafe.test.UsesDatabase;
import dev.migsafe.verdict.LockEvidence;

/**
 * squawk's test cases for the rules that map to migsafe's lock rules, run through the lock trace on embedded
 * PostgreSQL: each case on a database of its own holding the objects it takes for granted ({@link AssumedSchema}),
 * traced as its runner would run it. A case is <em>measured</em> when the trace ran one of its statements, and
 * then the measurement says whether the database showed what the migsafe rule claims ({@link LockClaim}: a
 * rewrite, a whole-table read under a write-blocking lock, a refusal inside a transaction ...). The test prints
 * how often the measurement agrees with migsafe's rules and with squawk (published in rules/squawk-mapping.md)
 * and fails when a disagreement is not explained there, by case name.
 */
@UsesCorpus
@UsesDatabase
class SquawkCasesTraceTest {

    private static final Path OUT = Path.of("target", "peer-agreement");
    private static final Path MAPPING_PAGE = Path.of("rules", "squawk-mapping.md");

    /** One case: squawk's expectation, migsafe's prediction and the measurement (null: nothing measurable). */
    record Row(String rule, String name, boolean squawk, boolean migsafe, Boolean measured, String detail) {
    }

    private static ScratchDatabase server;
    private static String serverMajor;

    @BeforeAll
    static void start() throws SQLException {
        server = new EmbeddedPostgresProvider().start(ServerKind.POSTGRESQL, ProgressListener.NONE);
        try (Connection c = server.connect()) {
            serverMajor = c.getMetaData().getDatabaseProductVersion().split("\\.")[0];
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theTraceMeasuresSquawksLockCasesAndEveryDisagreementIsExplained() throws Exception {
        Path jsonl = Corpus.require("peer-cases/squawk-cases.jsonl");
        ObjectMapper json = new ObjectMapper();
        List<Row> rows = new ArrayList<>();
        int n = 0;
        for (String line : Files.readAllLines(jsonl)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode c = json.readTree(line);
            List<String> rules = SquawkAgreement.rules(c.get("rule").asText());
            if (rules == null || rules.stream().noneMatch(r -> r.startsWith("LK"))) {
                continue; // compatibility rules (BC1xx) are about the older release, not locks
            }
            rows.add(run(c, rules, ++n));
        }
        String table = table(rows);
        Files.createDirectories(OUT);
        Files.writeString(OUT.resolve("squawk-trace.md"), table);
        System.out.println(table);

        String page = Files.readString(MAPPING_PAGE);
        List<String> unexplained = rows.stream().filter(r -> r.measured() != null)
                .filter(r -> r.measured() != r.migsafe() || r.measured() != r.squawk())
                .map(r -> r.rule() + " / " + r.name()).filter(r -> !page.contains(r)).toList();
        assertTrue(unexplained.isEmpty(), "disagreements of the measurement not explained in " + MAPPING_PAGE + ": "
                + unexplained + "\n" + table);
        List<Row> measured = rows.stream().filter(r -> r.measured() != null).toList();
        assertTrue(measured.size() >= rows.size() * 4 / 5, "too few cases measured:\n" + table);
        long withMigsafe = measured.stream().filter(r -> r.measured() == r.migsafe()).count();
        assertTrue(withMigsafe >= measured.size() * 0.94, "the measurement agrees with migsafe's rules less than"
                + " the 94.8% published in " + MAPPING_PAGE + ":\n" + table);
    }

    private Row run(JsonNode c, List<String> rules, int n) throws SQLException {
        String rule = c.get("rule").asText();
        String name = c.get("name").asText();
        boolean squawk = c.get("expect_violation").asBoolean();
        boolean migsafe = !SquawkAgreement.predicted(c).isEmpty();
        String version = SquawkAgreement.serverVersion(c);
        if (version != null && !version.split("\\.")[0].equals(serverMajor)) {
            return new Row(rule, name, squawk, migsafe, null, "about PostgreSQL " + version + "; traced here on "
                    + serverMajor + ": not measured");
        }
        Migration m = SquawkAgreement.migration(c);
        ParsedRange range = new ParsedRange(List.of(m), ServerKind.POSTGRESQL);
        if (range.statements().isEmpty()) {
            return new Row(rule, name, squawk, migsafe, null, "no statement to trace");
        }
        String database = "squawk_" + n;
        try (Connection admin = server.connect(); Statement st = admin.createStatement()) {
            st.execute("CREATE DATABASE " + database);
        }
        ScratchDatabase db = new ScratchDatabase("embedded", ServerKind.POSTGRESQL,
                JdbcUrls.withDatabase(server.jdbcUrl(), database), server.user(), server.password(), null, () -> drop(database));
        try {
            AssumedSchema.Result assumed;
            try (Connection conn = db.connect()) {
                assumed = AssumedSchema.build(conn, range.statements().stream().map(ParsedRange.Located::parsed).toList());
            }
            // the case's database is its own: the trace commits in it, as on the copy a verification makes
            List<LockTrace.Record> records = new PostgresLockTrace(db, db, Duration.ofSeconds(5), null, TableStats.NONE)
                    .run(range).records();
            LockClaim.Shows claim = LockEvidence.claim(rules.get(0));
            List<LockTrace.Record> measurable = records.stream().filter(r -> measurable(claim, r)).toList();
            String detail = records.stream().map(r -> "L" + r.line() + " " + LockTraceText.entry(r))
                    .collect(Collectors.joining(" | "))
                    + (assumed.remainingError() == null ? "" : " | still fails: " + assumed.remainingError())
                    + (assumed.created().isEmpty() ? "" : " | assumed: " + String.join("; ", assumed.created()));
            Boolean shown = measurable.isEmpty() ? null : measurable.stream().anyMatch(r -> LockEvidence.shows(claim, r));
            return new Row(rule, name, squawk, migsafe, shown, detail);
        } finally {
            db.close();
        }
    }

    /** The trace ran the statement, or (for a refusal claim) the server refused or would have run it outside. */
    private static boolean measurable(LockClaim.Shows claim, LockTrace.Record r) {
        return r.note() == null || r.refusedInTransaction()
                || claim == LockClaim.Shows.REFUSED_IN_TRANSACTION && r.note().startsWith("runs outside a transaction");
    }

    private static void drop(String database) {
        try (Connection admin = server.connect(); Statement st = admin.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        } catch (SQLException e) {
            // the server stops at the end anyway
        }
    }

    private static String table(List<Row> rows) {
        Map<String, int[]> per = new TreeMap<>();
        for (Row r : rows) {
            int[] k = per.computeIfAbsent(r.rule(), x -> new int[4]);
            k[0]++;
            if (r.measured() != null) {
                k[1]++;
                k[2] += r.measured() == r.migsafe() ? 1 : 0;
                k[3] += r.measured() == r.squawk() ? 1 : 0;
            }
        }
        StringBuilder sb = new StringBuilder("| squawk rule | migsafe | cases | measured | measurement = migsafe |"
                + " measurement = squawk |\n|---|---|---|---|---|---|\n");
        int[] total = new int[4];
        per.forEach((rule, k) -> {
            sb.append("| ").append(rule).append(" | ").append(String.join(", ", SquawkAgreement.rules(rule))).append(" | ")
                    .append(k[0]).append(" | ").append(k[1]).append(" | ").append(k[2]).append(" | ").append(k[3]).append(" |\n");
            for (int i = 0; i < 4; i++) {
                total[i] += k[i];
            }
        });
        sb.append("| **total** | | ").append(total[0]).append(" | ").append(total[1]).append(" | ")
                .append(String.format("%d (%.1f%%)", total[2], 100.0 * total[2] / Math.max(1, total[1]))).append(" | ")
                .append(String.format("%d (%.1f%%)", total[3], 100.0 * total[3] / Math.max(1, total[1]))).append(" |\n\n");
        sb.append("Disagreements (squawk / migsafe / measured):\n\n");
        rows.stream().filter(r -> r.measured() != null && (r.measured() != r.migsafe() || r.measured() != r.squawk()))
                .forEach(r -> sb.append("- ").append(r.rule()).append(" / ").append(r.name()).append(": ")
                        .append(word(r.squawk())).append(" / ").append(word(r.migsafe())).append(" / ")
                        .append(word(r.measured())).append(" — ").append(r.detail()).append('\n'));
        sb.append("\nNot measured:\n\n");
        rows.stream().filter(r -> r.measured() == null).forEach(r -> sb.append("- ").append(r.rule()).append(" / ")
                .append(r.name()).append(": ").append(r.detail()).append('\n'));
        return sb.toString();
    }

    private static String word(boolean flagged) {
        return flagged ? "yes" : "no";
    }
}
