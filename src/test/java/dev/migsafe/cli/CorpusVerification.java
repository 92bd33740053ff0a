package dev.migsafe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * can-rollback with verification on real histories cut at three points: every run finishes, and every
 * failed step is a real incompatibility of the range, named here with the statement that causes it.
 * A failure for a reason of migsafe's own (a tool's table missing, a hang, a seeding artefact) is not
 * in the list and fails the test. Prints each run's time (the figures in the README).
 */
abstract class CorpusVerification {

    /** Authelia's MySQL down of V0007 recreates an index that is still there: it fails on a real server. */
    private static final String AUTHELIA_MYSQL_DOWN_0007 = "down of migration 0007 (all/V0007.ConsistencyFixes.down.sql line 32:"
            + " CREATE UNIQUE INDEX kid ON webauthn_devices (kid)) failed: Duplicate key name 'kid'";

    /**
     * The failures each cut must show, and no others: "history last-N" -> "what fails|the statement
     * of the range that breaks it" (file and line), or a rehearsal difference. Reviewed one by one:
     * tables and columns the range drops or renames (contract SELECT/INSERT/UPDATE), NOT NULLs the
     * older release does not fill (Marquez V61's rename of jobs.name, Harbor 0140's SET NOT NULL),
     * Harbor 0080's time -> timestamp retype (the older release writes times), and Authelia's downs
     * that do not give the older schema back (V0007/V0012 downs recreate tables without the primary
     * key, under other index and sequence names, and do not recreate the backup tables). Authelia's
     * _bkp_ tables are backups its older release never reads, but nothing in the schema says so: the
     * contract counts every older table until migsafe reads the older release's code (issue 14).
     */
    static final Map<String, List<String>> REAL_INCOMPATIBILITIES = Map.ofEntries(
            Map.entry("marquez last-20", List.of(
                    "job_contexts: SELECT fails|all/V64__drop_job_contexts.sql line 1",
                    "jobs.simple_name: INSERT fails|all/V61__unique_job_fqn_index.sql line 45")),
            Map.entry("marquez last-50", List.of(
                    "job_contexts: SELECT fails|all/V64__drop_job_contexts.sql line 1",
                    "jobs.simple_name: INSERT fails|all/V61__unique_job_fqn_index.sql line 45",
                    "lineage_events.run_id: SELECT fails|all/V36__drop_run_id_column_in_lineage_events.sql line 5",
                    "lineage_events.run_id: INSERT fails|all/V36__drop_run_id_column_in_lineage_events.sql line 5",
                    "lineage_events.run_id: UPDATE fails|all/V36__drop_run_id_column_in_lineage_events.sql line 5")),
            Map.entry("harbor last-20", List.of(
                    "artifact.artifact_type: INSERT fails|all/0140_2.11.0_schema.up.sql line 31",
                    "harbor_resource_label: SELECT fails|all/0130_2.10.0_schema.up.sql line 1",
                    "notification_job: SELECT fails|all/0110_2.8.0_schema.up.sql line 172",
                    "retention_policy: INSERT fails|all/0080_2.5.0_schema.up.sql line 2",
                    "retention_policy.create_time: UPDATE fails|all/0080_2.5.0_schema.up.sql line 2",
                    "retention_policy.update_time: UPDATE fails|all/0080_2.5.0_schema.up.sql line 3")),
            Map.entry("harbor last-50", List.of(
                    "access_log: SELECT fails|all/0030_2.0.0_schema.up.sql line 197",
                    "admin_job: SELECT fails|all/0050_2.2.0_schema.up.sql line 479",
                    "clair_vuln_timestamp: SELECT fails|all/0015_1.10.0_schema.up.sql line 64",
                    "harbor_resource_label: SELECT fails|all/0130_2.10.0_schema.up.sql line 1",
                    "img_scan_job: SELECT fails|all/0015_1.10.0_schema.up.sql line 59",
                    "img_scan_overview: SELECT fails|all/0015_1.10.0_schema.up.sql line 62",
                    "project_metadata.deleted: SELECT fails|all/0010_1.9.0_schema.up.sql line 188",
                    "project_metadata.deleted: INSERT fails|all/0010_1.9.0_schema.up.sql line 188",
                    "project_metadata.deleted: UPDATE fails|all/0010_1.9.0_schema.up.sql line 188",
                    "replication_immediate_trigger: SELECT fails|all/0004_1.8.0_schema.up.sql line 87",
                    "replication_job: SELECT fails|all/0004_1.8.0_schema.up.sql line 159",
                    "replication_policy.project_id: SELECT fails|all/0004_1.8.0_schema.up.sql line 83",
                    "replication_policy.target_id: SELECT fails|all/0004_1.8.0_schema.up.sql line 78",
                    "replication_policy.cron_str: SELECT fails|all/0004_1.8.0_schema.up.sql line 84",
                    "replication_policy.project_id: INSERT fails|all/0004_1.8.0_schema.up.sql line 83",
                    "replication_policy.project_id: UPDATE fails|all/0004_1.8.0_schema.up.sql line 83",
                    "replication_policy.target_id: UPDATE fails|all/0004_1.8.0_schema.up.sql line 78",
                    "replication_policy.cron_str: UPDATE fails|all/0004_1.8.0_schema.up.sql line 84",
                    "replication_target: SELECT fails|all/0004_1.8.0_schema.up.sql line 57")),
            Map.entry("authelia-postgres last-20", List.of(
                    "_bkp_up_v0002_totp_configurations: SELECT fails|all/V0007.ConsistencyFixes.up.sql line 1",
                    "_bkp_up_v0002_u2f_devices: SELECT fails|all/V0007.ConsistencyFixes.up.sql line 2",
                    "webauthn_devices: SELECT fails|all/V0012.WebAuthnMultiCookieDomain.up.sql line 31",
                    "after the downs: table _bkp_up_v0002_totp_configurations is missing",
                    "after the downs: table _bkp_up_v0002_u2f_devices is missing",
                    "after the downs: oauth2_access_token_session.signature: type varchar(255) -> varchar(768)",
                    "after the downs: totp_configurations: primary key [id] -> []",
                    "after the downs: index totp_configurations_pkey on totp_configurations is missing",
                    "after the downs: index totp_configurations_username_key on totp_configurations is missing",
                    "after the downs: index totp_configurations_username_key1 on totp_configurations is left over (not in the older schema)",
                    "after the downs: webauthn_devices.id: default nextval('webauthn_devices_id_seq1'::regclass) -> nextval('webauthn_devices_id_seq'::regclass)",
                    "after the downs: index webauthn_devices_kid_key on webauthn_devices is missing",
                    "after the downs: index webauthn_devices_kid_key1 on webauthn_devices is left over (not in the older schema)",
                    "after the downs: index webauthn_devices_lookup_key on webauthn_devices is missing",
                    "after the downs: index webauthn_devices_lookup_key1 on webauthn_devices is left over (not in the older schema)")),
            Map.entry("authelia-postgres last-50", List.of(
                    "u2f_devices: SELECT fails|all/V0002.WebAuthn.up.sql line 8")),
            Map.entry("authelia-mysql last-20", List.of(
                    "_bkp_UP_V0002_totp_configurations: SELECT fails|all/V0007.ConsistencyFixes.up.sql line 38",
                    "_bkp_UP_V0002_u2f_devices: SELECT fails|all/V0007.ConsistencyFixes.up.sql line 39",
                    "webauthn_devices: SELECT fails|all/V0012.WebAuthnMultiCookieDomain.up.sql line 34",
                    AUTHELIA_MYSQL_DOWN_0007)),
            Map.entry("authelia-mysql last-50", List.of(
                    "u2f_devices: SELECT fails|all/V0002.WebAuthn.up.sql line 4",
                    AUTHELIA_MYSQL_DOWN_0007)),
            Map.entry("traccar last-20", List.of(
                    "tc_devices.geofenceids: SELECT fails|all/changelog-5.8.xml line 11",
                    "tc_devices.geofenceids: INSERT fails|all/changelog-5.8.xml line 11",
                    "tc_devices.geofenceids: UPDATE fails|all/changelog-5.8.xml line 11",
                    "tc_servers.twelvehourformat: SELECT fails|all/changelog-6.2.xml line 11",
                    "tc_servers.twelvehourformat: INSERT fails|all/changelog-6.2.xml line 11",
                    "tc_servers.twelvehourformat: UPDATE fails|all/changelog-6.2.xml line 11",
                    "tc_users.twelvehourformat: SELECT fails|all/changelog-6.2.xml line 12",
                    "tc_users.twelvehourformat: INSERT fails|all/changelog-6.2.xml line 12",
                    "tc_users.twelvehourformat: UPDATE fails|all/changelog-6.2.xml line 12")),
            Map.entry("traccar last-50", List.of(
                    "tc_events.servertime: SELECT fails|all/changelog-4.13.xml line 11",
                    "tc_events.servertime: INSERT fails|all/changelog-4.13.xml line 11",
                    "tc_events.servertime: UPDATE fails|all/changelog-4.13.xml line 11",
                    "tc_servers.twelvehourformat: SELECT fails|all/changelog-6.2.xml line 11",
                    "tc_servers.twelvehourformat: INSERT fails|all/changelog-6.2.xml line 11",
                    "tc_servers.twelvehourformat: UPDATE fails|all/changelog-6.2.xml line 11",
                    "tc_users.twelvehourformat: SELECT fails|all/changelog-6.2.xml line 12",
                    "tc_users.token: SELECT fails|all/changelog-5.3.xml line 37",
                    "tc_users.twelvehourformat: INSERT fails|all/changelog-6.2.xml line 12",
                    "tc_users.twelvehourformat: UPDATE fails|all/changelog-6.2.xml line 12",
                    "tc_users.token: UPDATE fails|all/changelog-5.3.xml line 37")));

    /**
     * Steps may be skipped only for these reasons: nothing to run, no down to rehearse with, or a lock
     * trace the server does not allow (no right to create the trace's database).
     */
    private static final List<String> ACCEPTED_SKIPS = List.of("no older-release test command",
            "the rehearsal needs a down", "declares that it has no rollback", "no down",
            "the locks could not be traced");

    static Stream<Arguments> cuts(CorpusCut... histories) {
        return Stream.of(histories).flatMap(h -> CorpusCut.CUTS.stream().map(n -> Arguments.of(h, n)));
    }

    /** Whether the failure line is the expected one: every part of "what|statement" appears in it. */
    private static boolean names(String failure, String expected) {
        return java.util.Arrays.stream(expected.split("\\|")).allMatch(failure::contains);
    }

    /** Runs the cut with {@code --verify mode} and checks its steps against {@link #REAL_INCOMPATIBILITIES}. */
    static void verify(CorpusCut history, int last, String mode, Path tmp) throws IOException {
        List<String> args = new ArrayList<>(history.project(tmp, last));
        args.addAll(List.of("--verify", mode, "--format", "json"));
        long start = System.nanoTime();
        CliRun run = CliRun.of(args.toArray(String[]::new));
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(run.exitCode() == 0 || run.exitCode() == 1, run::toString);
        JsonNode verification = run.json().get("verification");
        assertEquals(mode, verification.get("mode").asText(), run::toString);

        List<String> failures = new ArrayList<>();
        long stepsMs = 0;
        long traceMs = 0;
        for (JsonNode step : verification.get("steps")) {
            stepsMs += step.get("durationMs").asLong();
            traceMs += step.get("name").asText().equals("lock trace") ? step.get("durationMs").asLong() : 0;
            String status = step.get("status").asText();
            String details = step.get("details").asText();
            if (status.equals("failed")) {
                step.get("failures").forEach(f -> failures.add(step.get("name").asText() + ": " + f.asText()));
            }
        }
        String key = history + " last-" + last;
        failures.forEach(f -> System.out.println("  " + key + " " + f));
        for (JsonNode step : verification.get("steps")) {
            String details = step.get("details").asText();
            assertTrue(!step.get("status").asText().equals("skipped") || ACCEPTED_SKIPS.stream().anyMatch(details::contains)
                    || !failures.isEmpty(), () -> key + ": step '" + step.get("name").asText() + "' skipped: " + details);
        }
        List<String> expected = REAL_INCOMPATIBILITIES.getOrDefault(key, List.of());
        for (String failure : failures) {
            assertTrue(expected.stream().anyMatch(e -> names(failure, e)), () -> key + " on " + mode
                    + ": a failure that is not a known incompatibility of the range:\n" + failure);
        }
        for (String want : expected) {
            assertTrue(failures.stream().anyMatch(f -> names(f, want)), () -> key + " on " + mode
                    + ": expected the failure '" + want + "', got " + failures);
        }
        System.out.printf("corpus verification: %-18s last %2d on %-14s %5.1f s (steps %5.1f s, lock trace %4.1f s),"
                        + " %d failure(s), %d statement(s) traced%n", history, last, verification.get("database").asText(),
                ms / 1000.0, stepsMs / 1000.0, traceMs / 1000.0, failures.size(),
                verification.has("locks") ? verification.get("locks").size() : 0);
    }
}
