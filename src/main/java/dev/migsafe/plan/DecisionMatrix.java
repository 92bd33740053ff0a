package dev.migsafe.plan;

import java.util.List;
import java.util.Optional;

import dev.migsafe.verdict.Strategy;

/**
 * The choice between the ways back, laid out so the reader can check it: for each strategy whether
 * it is possible, what it costs in data, how long it takes, and under which incident severity it is
 * the pick. The rule: the fastest way back that loses no data; when every fast way loses data, the
 * severity decides whether time or data wins.
 *
 * @param rows        one per strategy, in the advisor's order
 * @param recommended the strategy to follow
 * @param reason      why, in one sentence
 */
public record DecisionMatrix(IncidentSeverity severity, List<Row> rows, String recommended, String reason) {

    /** @param choose the severities for which this strategy is the pick, as words */
    public record Row(String strategy, boolean feasible, String dataLoss, String timeToFix, String choose) {
    }

    public static DecisionMatrix decide(List<Strategy> strategies, IncidentSeverity severity) {
        List<Row> rows = strategies.stream().map(s -> new Row(s.name(), s.feasible(), s.dataLoss(), timeToFix(s.name()),
                when(s))).toList();
        Strategy appOnly = find(strategies, Strategy.APP_ONLY);
        Strategy downs = find(strategies, Strategy.DOWN_MIGRATIONS);
        String pick;
        String reason;
        if (appOnly != null && appOnly.feasible()) {
            pick = Strategy.APP_ONLY;
            reason = "the older release runs on the current schema: a redeploy is the fastest way back and loses nothing.";
        } else if (downs != null && downs.feasible() && downs.dataLoss().equals("none")) {
            pick = Strategy.DOWN_MIGRATIONS;
            reason = "the downs give back the older schema without losing data, in minutes.";
        } else if (severity == IncidentSeverity.LOW) {
            pick = Strategy.ROLL_FORWARD;
            reason = "at low severity there is time for a fix release, and it is the only way that loses no data.";
        } else if (severity == IncidentSeverity.HIGH && downs != null && downs.feasible() && downs.dataLoss().equals("possible")) {
            pick = Strategy.DOWN_MIGRATIONS;
            reason = "at high severity the downs are fast, and what they may lose is kept in the table backup taken first.";
        } else if (severity == IncidentSeverity.HIGH) {
            pick = Strategy.ROLL_FORWARD;
            reason = "at high severity no fast way back keeps the data: a small fix release is safer than losing rows.";
        } else if (downs != null && downs.feasible()) {
            pick = Strategy.DOWN_MIGRATIONS;
            reason = "the service is down: the downs are the fastest way back; the rows they drop are kept in the table backup taken first.";
        } else {
            pick = Strategy.RESTORE;
            reason = "the service is down and there are no usable downs: restore to just before the deploy and copy back the rows written since.";
        }
        return new DecisionMatrix(severity, rows, pick, reason);
    }

    private static Strategy find(List<Strategy> strategies, String name) {
        return strategies.stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
    }

    private static String timeToFix(String strategy) {
        return switch (strategy) {
            case Strategy.APP_ONLY -> "minutes (one redeploy)";
            case Strategy.DOWN_MIGRATIONS -> "minutes to an hour (table backup, downs, redeploy)";
            case Strategy.RESTORE -> "hours (base backup, WAL/binlog replay, copying rows back); grows with the database";
            case Strategy.ROLL_FORWARD -> "hours to days (write, review, test and deploy a fix release)";
            default -> "unknown";
        };
    }

    private static String when(Strategy s) {
        if (!s.feasible()) {
            return "never (not possible)";
        }
        return switch (s.name()) {
            case Strategy.APP_ONLY -> "any severity";
            case Strategy.DOWN_MIGRATIONS -> switch (s.dataLoss()) {
                case "none" -> "any severity";
                case "possible" -> "high or critical";
                default -> "critical";
            };
            case Strategy.RESTORE -> "critical, when no down is usable";
            case Strategy.ROLL_FORWARD -> "low, or high when every fast way loses data";
            default -> "";
        };
    }

    public Optional<Row> row(String strategy) {
        return rows.stream().filter(r -> r.strategy().equals(strategy)).findFirst();
    }
}
