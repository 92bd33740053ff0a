package dev.migsafe.verdict;

import java.util.List;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One way back to the older release, with its cost. Field names are those of the JSON report.
 * {@link StrategyAdvisor} decides name, feasibility, data loss and notes (the one source of truth
 * for {@code can-rollback} and {@code plan}); the planner adds the steps.
 *
 * @param name     app-only | down-migrations | restore | roll-forward
 * @param dataLoss none | possible | certain
 * @param evidence the basis of each object the notes make a claim about: proved by a step of the
 *                 verification, predicted by a rule, or contradicted (a rule's claim the database did not reproduce)
 * @param steps    what to do, in order (empty unless the planner filled them; omitted from JSON then)
 */
public record Strategy(String name, boolean feasible, String dataLoss, String notes, List<Evidence> evidence,
                       @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Step> steps) {

    public static final String APP_ONLY = "app-only";
    public static final String DOWN_MIGRATIONS = "down-migrations";
    public static final String RESTORE = "restore";
    public static final String ROLL_FORWARD = "roll-forward";

    public Strategy {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    public Strategy(String name, boolean feasible, String dataLoss, String notes) {
        this(name, feasible, dataLoss, notes, List.of(), List.of());
    }

    public Strategy(String name, boolean feasible, String dataLoss, String notes, List<Evidence> evidence) {
        this(name, feasible, dataLoss, notes, evidence, List.of());
    }

    public Strategy withSteps(List<Step> newSteps) {
        return new Strategy(name, feasible, dataLoss, notes, evidence, newSteps);
    }

    /** The same strategy with {@code edit} applied to every text that may come from the input (notes, evidence details). */
    public Strategy withText(UnaryOperator<String> edit) {
        return new Strategy(name, feasible, dataLoss, edit.apply(notes),
                evidence.stream().map(e -> e.withDetail(e.detail() == null ? null : edit.apply(e.detail()))).toList(), steps);
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

    /**
     * What a claim about one object rests on.
     *
     * @param object table or table.column
     * @param basis  proved | predicted | contradicted
     * @param step   the verification step that proved or contradicted it; null when predicted
     * @param ruleId the rule that predicted it; null when only the database says so
     * @param detail the operation that failed or passed, or why a contradicted claim may still happen
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Evidence(String object, String basis, String step, String ruleId, String detail) {
        public static final String PROVED = "proved";
        public static final String PREDICTED = "predicted";
        public static final String CONTRADICTED = "contradicted";

        Evidence withDetail(String newDetail) {
            return new Evidence(object, basis, step, ruleId, newDetail);
        }
    }
}
