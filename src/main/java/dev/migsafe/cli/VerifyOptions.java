package dev.migsafe.cli;

import java.nio.file.Path;
import java.time.Duration;

import dev.migsafe.config.Durations;
import dev.migsafe.verify.TableStats;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code --verify} and {@code --old-tests}: the dynamic check on a real database. */
final class VerifyOptions {

    @Option(names = "--verify", paramLabel = "MODE", defaultValue = "auto",
            description = {"Prove it on a real database: auto (default: Testcontainers when Docker answers, else "
                    + "embedded PostgreSQL), none, testcontainers, embedded, or a JDBC URL of a server to use "
                    + "(migsafe works in a scratch database there and drops it)."})
    String mode;

    @Option(names = "--old-tests", paramLabel = "CMD",
            description = "Run the older release's own tests against the new schema (default: verify.old-tests of "
                    + "migsafe.yaml). The database is in MIGSAFE_JDBC_URL, SPRING_DATASOURCE_URL, DATABASE_URL, ...")
    String oldTests;

    @Option(names = "--verify-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Deadline of the whole verification (default: 15m); when reached, the report names the step "
                    + "and statement it stopped in. Write e.g. 90s, 15m, 1h.")
    Duration timeout;

    @Option(names = "--table-stats", paramLabel = "FILE",
            description = "Row counts of the production tables (JSON {\"orders\": {\"rows\": 31000000}} or CSV "
                    + "table,rows[,bytes]): the lock trace estimates how long each blocking, rewriting statement holds "
                    + "its lock at that size.")
    Path tableStats;

    /** Sizes read from the production database ({@code plan --history-url}), used when no file is given. */
    TableStats liveStats = TableStats.NONE;

    /** The production tables' sizes: the file when given (bad input exits 2), else what was read live. */
    TableStats stats() {
        return tableStats != null ? TableStats.read(tableStats) : liveStats;
    }

    /** "Invalid value for option '--verify-timeout': 'soon' is not a duration: ...", exit 2. */
    static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                return Durations.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
