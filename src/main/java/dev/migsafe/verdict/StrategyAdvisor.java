package dev.migsafe.verdict;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
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
        Evidence evidence = new Evidence(new DatabaseEvidence(verification), verification);
        List<Strategy.Evidence> blocking = evidence.perObject(Verdict.blocking(active));
        return List.of(appOnly(verdict, olderRelease, evidence, blocking), evidence.onDowns(downMigrations(result, active, evidence)),
                restore(result), rollForward(active, blocking));
    }

    private static Strategy appOnly(Verdict verdict, String olderRelease, Evidence evidence, List<Strategy.Evidence> blocking) {
        if (verdict == Verdict.GO) {
            return new Strategy(Strategy.APP_ONLY, true, "none",
                    "Redeploy " + olderRelease + " and keep the current schema: it is backward compatible"
                            + evidence.olderReleaseWorks() + ".");
        }
        return new Strategy(Strategy.APP_ONLY, false, "none",
                "The older release cannot run on the new schema"
                        + (blocking.isEmpty() ? "" : ": it still uses " + evidence.claims(blocking))
                        + evidence.olderReleaseBreaks(blocking) + ".", blocking);
    }

    /** What the verification's steps add to the strategies; says nothing when no database was used. */
    private record Evidence(DatabaseEvidence database, Verification verification) {

        private Optional<Step> step(String name) {
            return database.step(name);
        }

        private String on() {
            return database.on();
        }

        /** One basis per object, the strongest of its findings' (proved, then contradicted, then predicted). */
        List<Strategy.Evidence> perObject(Collection<Finding> findings) {
            Map<String, Strategy.Evidence> byObject = new TreeMap<>();
            for (Finding f : findings) {
                Strategy.Evidence e = database.of(f);
                byObject.merge(f.object(), e, (a, b) -> rank(b) < rank(a) ? b : a);
            }
            return List.copyOf(byObject.values());
        }

        private static int rank(Strategy.Evidence e) {
            return switch (e.basis()) {
                case Strategy.Evidence.PROVED -> 0;
                case Strategy.Evidence.CONTRADICTED -> 1;
                default -> 2;
            };
        }

        /**
         * "items.qty (proved on MariaDB 10.11.18 by older-release contract: SELECT and UPDATE of the older
         * release fail), items.price (predicted by BC105)".
         */
        String claims(List<Strategy.Evidence> evidence) {
            return evidence.stream().map(e -> e.object() + " (" + basis(e) + ")").collect(Collectors.joining(", "));
        }

        private String basis(Strategy.Evidence e) {
            String detail = e.detail() == null ? "" : ": " + e.detail();
            return switch (e.basis()) {
                case Strategy.Evidence.PROVED -> "proved" + on() + " by " + e.step() + detail;
                case Strategy.Evidence.CONTRADICTED -> "predicted by " + e.ruleId() + ", not reproduced" + on() + " by "
                        + e.step() + detail;
                default -> "predicted by " + e.ruleId() + (e.detail() == null ? "" : "; " + e.detail());
            };
        }

        /** ", and on PostgreSQL 16.15 its table contract and its tests pass", or "". */
        String olderReleaseWorks() {
            List<String> passed = new ArrayList<>();
            step(Verifier.CONTRACT).filter(s -> !s.isFailed()).ifPresent(s -> passed.add("its table contract"));
            step(Verifier.OLD_TESTS).filter(s -> !s.isFailed()).ifPresent(s -> passed.add("its tests"));
            return passed.isEmpty() ? "" : ", and" + on() + " " + String.join(" and ", passed) + " pass";
        }

        /**
         * What failed and is not already told per object in {@code told}: " (proved on PostgreSQL 16.15:
         * 3 failing operation(s) of its table contract, ...)"; when only another step failed (the verdict
         * counts every failed step), " (the verification failed on PostgreSQL 16.15: rollback rehearsal)"; else "".
         */
        String olderReleaseBreaks(List<Strategy.Evidence> told) {
            Set<String> toldSteps = told.stream().filter(e -> Strategy.Evidence.PROVED.equals(e.basis()))
                    .map(Strategy.Evidence::step).collect(Collectors.toSet());
            List<String> failed = new ArrayList<>();
            step(Verifier.CONTRACT).filter(Step::isFailed).ifPresent(s -> {
                long untold = s.failures().stream().filter(f -> told.stream().noneMatch(e ->
                        f.indexOf(": ") > 0 && DatabaseEvidence.about(f.substring(0, f.indexOf(": ")), e.object()))).count();
                if (untold > 0) {
                    // what is not told per object may still be about a told one (a SQL string of its code)
                    failed.add(untold + (untold < s.failures().size() ? " more" : "")
                            + " failing operation(s) of its contract");
                }
            });
            step(Verifier.OLD_TESTS).filter(Step::isFailed)
                    .ifPresent(s -> failed.add(s.failures().size() + " failure(s) of its own tests"));
            step(Verifier.APPLY_RANGE).filter(s -> s.isFailed() && !toldSteps.contains(Verifier.APPLY_RANGE))
                    .ifPresent(s -> failed.add("the range itself fails to apply"));
            if (!failed.isEmpty()) {
                return (told.isEmpty() ? " (proved" : toldSteps.isEmpty() ? "; proved" : "; also proved") + on() + ": "
                        + String.join(", ", failed) + (told.isEmpty() ? ")" : "");
            }
            if (!toldSteps.isEmpty()) {
                return "";
            }
            List<String> otherSteps = verification == null ? List.of()
                    : verification.steps().stream().filter(Step::isFailed).map(Step::name).toList();
            return otherSteps.isEmpty() ? "" : " (the verification failed" + on() + ": " + String.join(", ", otherSteps) + ")";
        }

        /**
         * The downs as the rehearsal found them: a failed down is not a way back; lost data is certain
         * loss. A rehearsal that kept every value speaks only for the values seeded: the note says which
         * losses the rules still predict.
         */
        Strategy onDowns(Strategy downs) {
            Optional<Step> rehearsal = step(Verifier.REHEARSAL);
            if (rehearsal.isEmpty() || !downs.feasible()) {
                return downs;
            }
            Step r = rehearsal.get();
            if (!r.isFailed()) {
                List<String> stillPredicted = downs.evidence().stream()
                        .filter(e -> Strategy.Evidence.PREDICTED.equals(e.basis()) && DatabaseEvidence.isNarrowing(e.ruleId()))
                        .map(Strategy.Evidence::object).distinct().toList();
                return new Strategy(downs.name(), true, downs.dataLoss(), downs.notes() + " Rehearsed" + on()
                        + ": deploy, downs, deploy again gave back the older schema with every row and value"
                        + (stillPredicted.isEmpty() ? "" : " seeded; those of " + String.join(", ", stillPredicted)
                        + " did not reach the limits of the older type, so the loss the rules predict there still stands")
                        + ".", downs.evidence());
            }
            String shown = r.failures().stream().limit(3).collect(Collectors.joining("; "))
                    + (r.failures().size() > 3 ? "; ..." : "");
            if (r.failures().stream().anyMatch(RehearsalFailures::isFailedDown)) {
                return new Strategy(downs.name(), false, downs.dataLoss(), "A down failed when rehearsed" + on() + ": "
                        + shown + ". " + downs.notes(), downs.evidence());
            }
            boolean lost = r.failures().stream().anyMatch(RehearsalFailures::losesData);
            return new Strategy(downs.name(), true, lost ? "certain" : downs.dataLoss(), downs.notes()
                    + " Rehearsed" + on() + ", the downs do not cleanly restore the older release: " + shown + ".",
                    downs.evidence());
        }
    }

    private static Strategy downMigrations(AnalysisResult result, List<Finding> active, Evidence evidence) {
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
        List<Finding> destroying = active.stream().filter(f -> DownMigrationRisk.is(f, Risk.UP_DESTROYED_DATA)).toList();
        List<Strategy.Evidence> destroyed = evidence.perObject(destroying);
        if (!lossy.isEmpty()) {
            parts.add("These downs drop data written since the deploy (" + DownMigrationRisk.ruleIds(Risk.DOWN_LOSES_DATA)
                    + "): " + String.join(", ", lossy) + ".");
        }
        if (!mayFail.isEmpty()) {
            parts.add("These downs may fail on today's data or not give back the older schema exactly ("
                    + DownMigrationRisk.ruleIds(Risk.DOWN_MAY_FAIL) + "): "
                    + String.join(", ", mayFail) + ".");
        }
        if (!destroyed.isEmpty()) {
            parts.add("The downs cannot bring back what the ups destroyed ("
                    + DownMigrationRisk.ruleIds(Risk.UP_DESTROYED_DATA) + "): " + evidence.claims(destroyed)
                    + "; only a backup taken before the deploy has it.");
        }
        List<String> repeatable = result.range().stream().filter(m -> m.kind() == Migration.Kind.REPEATABLE)
                .map(m -> m.up().path()).toList();
        if (!repeatable.isEmpty()) {
            parts.add("Repeatable migrations have no down; re-run the older release's version of "
                    + String.join(", ", repeatable) + ".");
        }
        List<Finding> downRisks = active.stream().filter(f -> DownMigrationRisk.of(f).isPresent()).toList();
        return new Strategy(Strategy.DOWN_MIGRATIONS, true, downsDataLoss(lossy, mayFail, destroying, destroyed),
                String.join(" ", parts), evidence.perObject(downRisks));
    }

    /**
     * From the same facts as the notes: downs that drop data lose it for certain; so does an up that
     * dropped data (DL201) unless the database contradicted it; values a narrowing (DL202) cut are
     * possibly lost, as are downs that may fail; none otherwise.
     */
    private static String downsDataLoss(Set<String> lossy, Set<String> mayFail, List<Finding> destroying,
                                        List<Strategy.Evidence> destroyed) {
        Set<String> standing = destroyed.stream().filter(e -> !Strategy.Evidence.CONTRADICTED.equals(e.basis()))
                .map(Strategy.Evidence::object).collect(Collectors.toSet());
        boolean dropped = destroying.stream().anyMatch(f -> standing.contains(f.object()) && f.ruleId().equals("DL201"));
        if (!lossy.isEmpty() || dropped) {
            return "certain";
        }
        return !mayFail.isEmpty() || !standing.isEmpty() ? "possible" : "none";
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

    private static Strategy rollForward(List<Finding> active, List<Strategy.Evidence> blocking) {
        Set<String> objects = Verdict.blocking(active).stream().map(f -> f.object() + " (" + f.ruleId() + ")")
                .collect(Collectors.toCollection(TreeSet::new));
        return new Strategy(Strategy.ROLL_FORWARD, true, "none", objects.isEmpty()
                ? "Fix forward with a new release if needed; nothing in the range blocks the older release."
                : "Ship a fix that restores what the older release needs: " + String.join(", ", objects)
                        + " (re-add the column, or recreate the old name as a view).", blocking);
    }

    /** The migrations a down can undo, newest first is the caller's job: versioned and baseline ones. */
    public static List<Migration> undoable(List<Migration> range) {
        return range.stream().filter(m -> m.kind() != Migration.Kind.REPEATABLE).toList();
    }

    private static Set<String> files(List<Finding> findings, Risk risk) {
        return findings.stream().filter(f -> DownMigrationRisk.is(f, risk)).map(Finding::file)
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
