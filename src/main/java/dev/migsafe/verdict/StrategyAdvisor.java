package dev.migsafe.verdict;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import dev.migsafe.analysis.AnalysisResult;
import dev.migsafe.rules.Finding;
import dev.migsafe.source.Migration;

/**
 * Lists every way back with its cost, from the analysis alone. It informs; it never runs anything.
 */
public final class StrategyAdvisor {

    private StrategyAdvisor() {
    }

    public static List<Strategy> strategies(AnalysisResult result, Verdict verdict, String olderRelease) {
        List<Finding> active = result.findings().stream().filter(Finding::isActive).toList();
        return List.of(appOnly(active, verdict, olderRelease), downMigrations(result, active), restore(result),
                rollForward(active));
    }

    private static Strategy appOnly(List<Finding> active, Verdict verdict, String olderRelease) {
        if (verdict == Verdict.GO) {
            return new Strategy("app-only", true, "none",
                    "Redeploy " + olderRelease + " and keep the current schema: it is backward compatible.");
        }
        Set<String> objects = Verdict.blocking(active).stream().map(Finding::object)
                .collect(Collectors.toCollection(TreeSet::new));
        return new Strategy("app-only", false, "none",
                "The older release cannot run on the new schema"
                        + (objects.isEmpty() ? " (a verification step failed)" : ": it still uses " + String.join(", ", objects))
                        + ".");
    }

    private static Strategy downMigrations(AnalysisResult result, List<Finding> active) {
        List<String> missing = result.range().stream()
                .filter(m -> m.kind() != Migration.Kind.REPEATABLE && !m.hasDown())
                .map(m -> m.up().path()).toList();
        if (result.range().isEmpty()) {
            return new Strategy("down-migrations", true, "none", "Nothing to undo.");
        }
        if (!missing.isEmpty()) {
            return new Strategy("down-migrations", false, "none",
                    "No down migration for " + String.join(", ", missing) + ".");
        }
        boolean lossy = active.stream().anyMatch(f -> f.ruleId().equals("RB302"));
        boolean mayFail = active.stream().anyMatch(f -> f.ruleId().equals("RB304") || f.ruleId().equals("RB303"));
        String notes = "Run the downs of " + result.range().size() + " migration(s) in reverse order, after a backup of the affected tables."
                + (lossy ? " The downs drop data written since the deploy (RB302)." : "")
                + (mayFail ? " The downs may fail on today's data or not restore the older schema exactly (RB303/RB304)." : "");
        return new Strategy("down-migrations", true, lossy ? "certain" : mayFail ? "possible" : "none", notes);
    }

    private static Strategy restore(AnalysisResult result) {
        Set<String> tables = new TreeSet<>(result.newerSchema().tables().keySet());
        return new Strategy("restore", true, "certain",
                "Restore a backup or point-in-time recovery to just before the first migration of the range: every row"
                        + " written since then is lost" + (tables.isEmpty() ? "." : " (tables: " + String.join(", ", tables) + ")."));
    }

    private static Strategy rollForward(List<Finding> active) {
        Set<String> objects = Verdict.blocking(active).stream().map(f -> f.object() + " (" + f.ruleId() + ")")
                .collect(Collectors.toCollection(TreeSet::new));
        return new Strategy("roll-forward", true, "none", objects.isEmpty()
                ? "Fix forward with a new release if needed; nothing in the range blocks the older release."
                : "Ship a fix that restores what the older release needs: " + String.join(", ", objects)
                        + " (re-add the column, or recreate the old name as a view).");
    }
}
