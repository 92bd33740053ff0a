package dev.migsafe.verdict;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One way back to the older release, with its cost. Field names are those of the JSON report.
 * {@link StrategyAdvisor} decides name, feasibility, data loss and notes (the one source of truth
 * for {@code can-rollback} and {@code plan}); the planner adds the steps.
 *
 * @param name     app-only | down-migrations | restore | roll-forward
 * @param dataLoss none | possible | certain
 * @param steps    what to do, in order (empty unless the planner filled them; omitted from JSON then)
 */
public record Strategy(String name, boolean feasible, String dataLoss, String notes,
                       @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Step> steps) {

    public static final String APP_ONLY = "app-only";
    public static final String DOWN_MIGRATIONS = "down-migrations";
    public static final String RESTORE = "restore";
    public static final String ROLL_FORWARD = "roll-forward";

    public Strategy {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    public Strategy(String name, boolean feasible, String dataLoss, String notes) {
        this(name, feasible, dataLoss, notes, List.of());
    }

    public Strategy withSteps(List<Step> newSteps) {
        return new Strategy(name, feasible, dataLoss, notes, newSteps);
    }

    /**
     * One step of a strategy.
     *
     * @param title   what the step does, as a checklist line
     * @param command a copy-paste-ready shell snippet, or null for a manual action
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Step(String title, String command) {
        public static Step manual(String title) {
            return new Step(title, null);
        }
    }
}
