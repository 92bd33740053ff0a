package dev.migsafe.tool;

import org.flywaydb.core.internal.resolver.ChecksumCalculator;
import org.flywaydb.core.internal.resource.StringResource;

import dev.migsafe.sql.MigrationScript;

/**
 * The checksum Flyway itself stores in {@code flyway_schema_history.checksum} for a SQL migration,
 * computed by flyway-core's own calculator, so a DBA can match a file against the history table.
 */
public final class FlywayChecksum {
    private FlywayChecksum() {
    }

    public static int of(MigrationScript script) {
        return ChecksumCalculator.calculate(new StringResource(script.content()));
    }
}
