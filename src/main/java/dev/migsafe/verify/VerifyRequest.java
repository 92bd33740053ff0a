package dev.migsafe.verify;

import java.util.List;

import dev.migsafe.dialect.Dialect;
import dev.migsafe.source.Migration;

/**
 * What to verify.
 *
 * @param dialect  the database family
 * @param older    every migration of the older release (the one to go back to), in order
 * @param range    the migrations of the newer release that the older one does not have, in order
 * @param target   auto, none, testcontainers, embedded, or a JDBC URL
 * @param settings images, old-tests command and directories
 * @param lineage  where the older tables and columns are after the range (the schema model's lineage)
 * @param code     what the older release's code runs and uses ({@link OlderCode#NONE} without its code)
 * @param tableStats production table sizes ({@code --table-stats}, {@code --history-url}) for lock estimates
 */
public record VerifyRequest(Dialect dialect, List<Migration> older, List<Migration> range, String target,
                            VerifySettings settings, RangeLineage lineage, OlderCode code, TableStats tableStats) {

    public VerifyRequest(Dialect dialect, List<Migration> older, List<Migration> range, String target,
                         VerifySettings settings, RangeLineage lineage) {
        this(dialect, older, range, target, settings, lineage, OlderCode.NONE, TableStats.NONE);
    }

    /** The same request with what the older release's code runs and uses, for the contract step. */
    public VerifyRequest withOlderCode(OlderCode code) {
        return new VerifyRequest(dialect, older, range, target, settings, lineage, code, tableStats);
    }

    /** The same request with the production tables' sizes the lock trace scales its measurements to. */
    public VerifyRequest withTableStats(TableStats stats) {
        return new VerifyRequest(dialect, older, range, target, settings, lineage, code, stats);
    }

    /** A request without the schema model: older tables and columns are looked for under their own names. */
    public VerifyRequest(Dialect dialect, List<Migration> older, List<Migration> range, String target,
                         VerifySettings settings) {
        this(dialect, older, range, target, settings, RangeLineage.SAME_NAMES);
    }

    public VerifyRequest {
        older = List.copyOf(older);
        range = List.copyOf(range);
        target = target == null || target.isBlank() ? "auto" : target.trim();
        settings = settings == null ? VerifySettings.defaults() : settings;
        lineage = lineage == null ? RangeLineage.SAME_NAMES : lineage;
        code = code == null ? OlderCode.NONE : code;
        tableStats = tableStats == null ? TableStats.NONE : tableStats;
    }
}
