package dev.migsafe.verdict;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import dev.migsafe.analysis.AnalysisResult;
import dev.migsafe.rules.DownMigrationRisk;
import dev.migsafe.rules.DownMigrationRisk.Risk;
import dev.migsafe.rules.Finding;
import dev.migsafe.source.Migration;
import dev.migsafe.verify.RehearsalFailures;
import dev.migsafe.verify.Step;
import dev.migsafe.verify.Verification;
import dev.migsafe.verify.Verifier;

/**
 * Lists every way back with its cost, from the analysis and, when one ran, the verification on a
 * real database (what the rehearsal of the downs and the older release's checks proved). It informs;
 * it never runs anything. This is the one place that decides feasibility and data loss:
 * {@code can-rollback} shows these strategies as they are, {@code plan} adds the steps to the very
 * same ones.
 */
public final class StrategyAdvisor {

    private StrategyAdvisor() {
    }

    /** @param verification what the database proved, or null when nothing ran */
    public static List<Strategy> strategies(AnalysisResult result, Verdict verdict, String olderRelease,
                                            Verification verification) {
        List<Finding> active = result.findings().stream().filter(Finding::isActive).toList();
        Evidence evidence = new Evidence(verification);
        return List.of(appOnly(active, verdict, olderRelease, evidence), evidence.onDowns(downMigrations(result, active)),
                restore(result), rollForward(active));
    }

    private static Strategy appOnly(List<Finding> active, Verdict verdict, String olderRelease, Evidence evidence) {
        if (verdict == Verdict.GO) {
            return new Strategy(Strategy.APP_ONLY, true, "none",
                    "Redeploy " + olderRelease + " and keep the current schema: it is backward compatible"
                            + evidence.olderReleaseWorks() + ".");
        }
        Set<String> objects = objects(Verdict.blocking(active));
        return new Strategy(Strategy.APP_ONLY, false, "none",
                "The older release cannot run on the new schema"
                        + (objects.isEmpty() ? "" : ": it still uses " + String.join(", ", objects))
                        + evidence.olderReleaseBreaks() + ".");
    }

    /** What the verification's steps add to the strategies; says nothing when no database was used. */
    private record Evidence(Verification verification) {

        private Optional<Step> step(String name) {
            return verification == null || "none".equals(verification.mode()) ? Optional.empty()
                    : verification.step(name).filter(s -> s.status() != Step.Status.SKIPPED);
        }

        private String on() {
            return " on " + verification.database();
        }

        /** ", and on PostgreSQL 16.15 its table contract and its tests pass", or "". */
        String olderReleaseWorks() {
            List<String> passed = new ArrayList<>();
            step(Verifier.CONTRACT).filter(s -> !s.isFailed()).ifPresent(s -> passed.add("its table contract"));
            step(Verifier.OLD_TESTS).filter(s -> !s.isFailed()).ifPresent(s -> passed.add("its tests"));
            return passed.isEmpty() ? "" : ", and" + on() + " " + String.join(" and ", passed) + " pass";
        }

        /**
         * " (proved on PostgreSQL 16.15: 3 failing operation(s) of its table contract, ...)"; when only
         * another step failed (the verdict counts every failed step), " (the verification failed on
         * PostgreSQL 16.15: rollback rehearsal)"; else "".
         */
        String olderReleaseBreaks() {
            List<String> failed = new ArrayList<>();
            step(Verifier.CONTRACT).filter(Step::isFailed)
                    .ifPresent(s -> failed.add(s.failures().size() + " failing operation(s) of its table contract"));
            step(Verifier.OLD_TESTS).filter(Step::isFailed)
                    .ifPresent(s -> failed.add(s.failures().size() + " failure(s) of its own tests"));
            step(Verifier.APPLY_RANGE).filter(Step::isFailed).ifPresent(s -> failed.add("the range itself fails to apply"));
            if (!failed.isEmpty()) {
                return " (proved" + on() + ": " + String.join(", ", failed) + ")";
            }
            List<String> otherSteps = verification == null ? List.of()
                    : verification.steps().stream().filter(Step::isFailed).map(Step::name).toList();
            return otherSteps.isEmpty() ? "" : " (the verification failed" + on() + ": " + String.join(", ", otherSteps) + ")";
        }

        /** The downs as the rehearsal found them: a failed down is not a way back; lost data is certain loss. */
        Strategy onDowns(Strategy downs) {
            Optional<Step> rehearsal = step(Verifier.REHEARSAL);
            if (rehearsal.isEmpty() || !downs.feasible()) {
                return downs;
            }
            Step r = rehearsal.get();
            if (!r.isFailed()) {
                return new Strategy(downs.name(), true, downs.dataLoss(), downs.notes() + " Rehearsed" + on()
                        + ": deploy, downs, deploy again gave back the older schema with every row and value.");
            }
            String shown = r.failures().stream().limit(3).collect(Collectors.joining("; "))
                    + (r.failures().size() > 3 ? "; ..." : "");
            if (r.failures().stream().anyMatch(RehearsalFailures::isFailedDown)) {
                return new Strategy(downs.name(), false, downs.dataLoss(), "A down failed when rehearsed" + on() + ": "
                        + shown + ". " + downs.notes());
            }
            boolean lost = r.failures().stream().anyMatch(RehearsalFailures::losesData);
            return new Strategy(downs.name(), true, lost ? "certain" : downs.dataLoss(), downs.notes()
                    + " Rehearsed" + on() + ", the downs do not cleanly restore the older release: " + shown + ".");
        }
    }

    private static Strategy downMigrations(AnalysisResult result, List<Finding> active) {
        if (result.range().isEmpty()) {
            return new Strategy(Strategy.DOWN_MIGRATIONS, true, "none", "Nothing to undo.");
        }
        List<Migration> undoable = undoable(result.range());
        List<String> missing = undoable.stream().filter(m -> !m.hasDown()).map(m -> m.up().path()).toList();
        if (!missing.isEmpty()) {
            return new Strategy(Strategy.DOWN_MIGRATIONS, false, "none",
                    "No down migration for " + String.join(", ", missing) + ".");
        }
        List<String> parts = new ArrayList<>();
        parts.add("Run the downs of " + undoable.size() + " migration(s) in reverse order ("
                + undoable.stream().map(Migration::id).collect(Collectors.joining(", "))
                + "), after a backup of the affected tables.");
        Set<String> lossy = files(active, Risk.DOWN_LOSES_DATA);
        Set<String> mayFail = files(active, Risk.DOWN_MAY_FAIL);
        Set<String> destroyedByUp = objects(active.stream()
                .filter(f -> DownMigrationRisk.is(f, Risk.UP_DESTROYED_DATA)).toList());
        if (!lossy.isEmpty()) {
            parts.add("These downs drop data written since the deploy (" + DownMigrationRisk.ruleIds(Risk.DOWN_LOSES_DATA)
                    + "): " + String.join(", ", lossy) + ".");
        }
        if (!mayFail.isEmpty()) {
            parts.add("These downs may fail on today's data or not give back the older schema exactly ("
                    + DownMigrationRisk.ruleIds(Risk.DOWN_MAY_FAIL) + "): "
                    + String.join(", ", mayFail) + ".");
        }
        if (!destroyedByUp.isEmpty()) {
            parts.add("The downs cannot bring back what the ups destroyed ("
                    + DownMigrationRisk.ruleIds(Risk.UP_DESTROYED_DATA) + "): " + String.join(", ", destroyedByUp)
                    + "; only a backup taken before the deploy has it.");
        }
        List<String> repeatable = result.range().stream().filter(m -> m.kind() == Migration.Kind.REPEATABLE)
                .map(m -> m.up().path()).toList();
        if (!repeatable.isEmpty()) {
            parts.add("Repeatable migrations have no down; re-run the older release's version of "
                    + String.join(", ", repeatable) + ".");
        }
        String dataLoss = !lossy.isEmpty() ? "certain" : !mayFail.isEmpty() ? "possible" : "none";
        return new Strategy(Strategy.DOWN_MIGRATIONS, true, dataLoss, String.join(" ", parts));
    }

    private static Strategy restore(AnalysisResult result) {
        Set<String> tables = new TreeSet<>(result.newerSchema().tables().keySet());
        if (result.range().isEmpty()) {
            return new Strategy(Strategy.RESTORE, true, "certain", "Not needed: the range runs no migration, so the"
                    + " schema is already the older release's; a restore would only lose the rows written since the deploy"
                    + (tables.isEmpty() ? "." : " (tables: " + String.join(", ", tables) + ")."));
        }
        String first = " (" + result.range().get(0).up().path() + ")";
        return new Strategy(Strategy.RESTORE, true, "certain",
                "Restore a base backup with point-in-time recovery to just before the first migration of the range"
                        + first + ": every row written since then is lost unless copied back from a dump taken before the"
                        + " restore" + (tables.isEmpty() ? "." : " (tables: " + String.join(", ", tables) + ")."));
    }

    private static Strategy rollForward(List<Finding> active) {
        Set<String> objects = Verdict.blocking(active).stream().map(f -> f.object() + " (" + f.ruleId() + ")")
                .collect(Collectors.toCollection(TreeSet::new));
        return new Strategy(Strategy.ROLL_FORWARD, true, "none", objects.isEmpty()
                ? "Fix forward with a new release if needed; nothing in the range blocks the older release."
                : "Ship a fix that restores what the older release needs: " + String.join(", ", objects)
                        + " (re-add the column, or recreate the old name as a view).");
    }

    /** The migrations a down can undo, newest first is the caller's job: versioned and baseline ones. */
    public static List<Migration> undoable(List<Migration> range) {
        return range.stream().filter(m -> m.kind() != Migration.Kind.REPEATABLE).toList();
    }

    private static Set<String> files(List<Finding> findings, Risk risk) {
        return findings.stream().filter(f -> DownMigrationRisk.is(f, risk)).map(Finding::file)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> objects(Collection<Finding> findings) {
        return findings.stream().map(Finding::object).collect(Collectors.toCollection(TreeSet::new));
    }
}
