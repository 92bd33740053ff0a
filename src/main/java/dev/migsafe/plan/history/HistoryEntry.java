package dev.migsafe.plan.history;

import java.time.Instant;

/**
 * One row of a migration tool's history table.
 *
 * @param version    Flyway version, Liquibase {@code file::id::author}, golang-migrate/dbmate/diesel version
 * @param executedAt when the tool recorded it ran, or null when the tool keeps no time
 * @param durationMs how long it ran, when the tool records it (Flyway), else null
 * @param success    false for a failed (Flyway) or dirty (golang-migrate) entry
 * @param tag        Liquibase tag on the row, or null
 */
public record HistoryEntry(String version, String description, Instant executedAt, Long durationMs, boolean success,
                           String tag) {
}
