package dev.migsafe.analysis;

import java.util.List;
import java.util.Map;

import dev.migsafe.source.FlywaySettings;
import dev.migsafe.dialect.Dialect;
import dev.migsafe.source.FlywaySettings;
import dev.migsafe.rules.ServerVersion;
import dev.migsafe.rules.Severity;
import dev.migsafe.source.Migration;

/**
 * What to analyse.
 *
 * @param older              migrations of the release to go back to, in order (empty when there is none)
 * @param newer              migrations of the release that is or will be deployed, in order
 * @param window             how "existing" is decided, see {@link Window}
 * @param severityOverrides  rule ID -> severity from {@code migsafe.yaml}
 * @param serverVersion      the server the migrations run on, for version-aware lock rules
 * @param flyway             the project's Flyway settings that change how its migrations run (LK615)
 */
public record AnalysisRequest(Dialect dialect, List<Migration> older, List<Migration> newer, Window window,
                              Map<String, Severity> severityOverrides, ServerVersion serverVersion,
                              FlywaySettings flyway) {

    /** A request for a project that keeps Flyway's defaults. */
    public AnalysisRequest(Dialect dialect, List<Migration> older, List<Migration> newer, Window window,
                           Map<String, Severity> severityOverrides, ServerVersion serverVersion) {
        this(dialect, older, newer, window, severityOverrides, serverVersion, FlywaySettings.DEFAULTS);
    }

    /** A request for the dialect's default server version (PostgreSQL 16, MySQL 8.0). */
    public AnalysisRequest(Dialect dialect, List<Migration> older, List<Migration> newer, Window window,
                           Map<String, Severity> severityOverrides) {
        this(dialect, older, newer, window, severityOverrides, ServerVersion.defaultFor(dialect));
    }

    public AnalysisRequest {
        if (serverVersion == null || serverVersion.dialect() != dialect) {
            serverVersion = ServerVersion.defaultFor(dialect);
        }
        if (flyway == null) {
            flyway = FlywaySettings.DEFAULTS;
        }
    }

    /**
     * <ul>
     *   <li>RANGE: the whole range is one deploy; "existing" means present in the older release
     *   ({@code can-rollback}, {@code analyze --base}).</li>
     *   <li>PER_MIGRATION: each migration is checked as if deployed on its own after the ones before
     *   it ({@code analyze PATH} without a base).</li>
     * </ul>
     */
    public enum Window { RANGE, PER_MIGRATION }
}
