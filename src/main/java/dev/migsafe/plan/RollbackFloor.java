package dev.migsafe.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import dev.migsafe.verdict.Verdict;

/**
 * The oldest release that can still run on the newer schema: the releases before FROM are checked
 * newest first (each with the same analysis as can-rollback) until one cannot.
 *
 * @param checks every release checked, newest first
 * @param floor  the oldest release of an unbroken GO run from the newest, or null when even the
 *               newest older release cannot run on the schema
 */
public record RollbackFloor(List<Check> checks, String floor) {

    public record Check(String release, Verdict verdict) {
    }

    public static RollbackFloor find(List<String> olderNewestFirst, Function<String, Verdict> verdictFor) {
        List<Check> checks = new ArrayList<>();
        String floor = null;
        for (String release : olderNewestFirst) {
            Verdict v = verdictFor.apply(release);
            checks.add(new Check(release, v));
            if (v != Verdict.GO) {
                break;
            }
            floor = release;
        }
        return new RollbackFloor(List.copyOf(checks), floor);
    }
}
