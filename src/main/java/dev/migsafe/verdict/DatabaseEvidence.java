package dev.migsafe.verdict;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import dev.migsafe.rules.DownMigrationRisk;
import dev.migsafe.rules.DownMigrationRisk.Risk;
import dev.migsafe.rules.Finding;
import dev.migsafe.verdict.Strategy.Evidence;
import dev.migsafe.verify.RehearsalFailures;
import dev.migsafe.verify.SeedEdges;
import dev.migsafe.verify.Step;
import dev.migsafe.verify.Verification;
import dev.migsafe.verify.Verifier;

/**
 * What the verification's steps say about the object of each finding: proved (a step failed on it:
 * the range's statement, an operation of the older release's contract, its values in the rehearsal),
 * contradicted (a step that would have shown it ran and did not), or nothing, and then the claim rests
 * on the rule alone (predicted). Says nothing when no database was used.
 */
final class DatabaseEvidence {

    /** Rules whose claim the older release's table contract checks: it runs the older release's operations on the object. */
    private static final Set<String> CONTRACT_CHECKS = Set.of("BC101", "BC102", "BC103", "BC104", "BC105", "BC106",
            "BC107", "BC108", "BC109");
    /** Rules whose claim is about values that do not fit a narrower type: only values at the type's limits show it. */
    private static final Set<String> NARROWING = Set.of("BC105", "DL202");

    private final Verification verification;

    DatabaseEvidence(Verification verification) {
        this.verification = verification;
    }

    /** The step as it ran; empty when no database was used or the step was skipped. */
    Optional<Step> step(String name) {
        return verification == null || "none".equals(verification.mode()) ? Optional.empty()
                : verification.step(name).filter(s -> s.status() != Step.Status.SKIPPED);
    }

    /** " on PostgreSQL 16.15". */
    String on() {
        return " on " + verification.database();
    }

    /** The basis of the finding's claim about its object. */
    Evidence of(Finding finding) {
        Optional<Evidence> proved = proved(finding);
        if (proved.isPresent()) {
            return proved.get();
        }
        Optional<Step> contract = step(Verifier.CONTRACT);
        if (contract.isPresent() && CONTRACT_CHECKS.contains(finding.ruleId())) {
            return evidence(finding, Evidence.CONTRADICTED, Verifier.CONTRACT, "the older release's SELECT, INSERT,"
                    + " UPDATE and DELETE of it work" + on() + ", but " + stillPossible(finding));
        }
        Optional<Step> rehearsal = step(Verifier.REHEARSAL);
        if (rehearsal.isPresent() && DownMigrationRisk.is(finding, Risk.UP_DESTROYED_DATA)
                && (!NARROWING.contains(finding.ruleId()) || edgeSeeded(finding.object()))) {
            return evidence(finding, Evidence.CONTRADICTED, Verifier.REHEARSAL, "the rehearsal" + on()
                    + " gave back every seeded value" + (NARROWING.contains(finding.ruleId())
                    ? ", values at the limits of the older type included; it may still happen on another server version or SQL mode"
                    : "; rows written since the deploy may still differ"));
        }
        return evidence(finding, Evidence.PREDICTED, null, notChecked(finding));
    }

    /** Whether the rule's claim is about values a narrower type cannot hold. */
    static boolean isNarrowing(String ruleId) {
        return NARROWING.contains(ruleId);
    }

    /** Whether the seed wrote a value at the limit of the object's older type that the database took. */
    boolean edgeSeeded(String object) {
        return SeedEdges.covered(step(Verifier.SEED), object);
    }

    /** A step that failed on the finding's object: its statement in the range, the contract, the rehearsal's values. */
    private Optional<Evidence> proved(Finding finding) {
        Optional<String> statement = failures(Verifier.APPLY_RANGE).stream()
                .filter(f -> f.contains("(" + finding.file() + " line " + finding.line() + ":")
                        || f.contains("(" + finding.file() + " line " + finding.line() + ")"))
                .findFirst();
        if (statement.isPresent()) {
            String failure = statement.get();
            int error = failure.indexOf(") failed: ");
            return Optional.of(evidence(finding, Evidence.PROVED, Verifier.APPLY_RANGE, finding.file() + " line "
                    + finding.line() + " fails" + (error < 0 ? "" : ": " + failure.substring(error + ") failed: ".length()))));
        }
        Set<String> operations = new LinkedHashSet<>();
        for (String failure : CONTRACT_CHECKS.contains(finding.ruleId()) ? failures(Verifier.CONTRACT) : List.<String>of()) {
            int colon = failure.indexOf(": ");
            if (colon > 0 && about(failure.substring(0, colon), finding.object())) {
                String rest = failure.substring(colon + 2);
                operations.add(rest.contains(" ") ? rest.substring(0, rest.indexOf(' ')) : rest);
            }
        }
        if (!operations.isEmpty()) {
            return Optional.of(evidence(finding, Evidence.PROVED, Verifier.CONTRACT,
                    joined(new ArrayList<>(operations)) + " of the older release fail"));
        }
        if (DownMigrationRisk.of(finding).isEmpty()) {
            return Optional.empty();
        }
        String object = finding.object().toLowerCase(Locale.ROOT);
        return failures(Verifier.REHEARSAL).stream().filter(RehearsalFailures::losesData)
                .filter(f -> f.toLowerCase(Locale.ROOT).contains(" of " + object + " are "))
                .findFirst().map(f -> evidence(finding, Evidence.PROVED, Verifier.REHEARSAL, f));
    }

    /** Why a claim the database did not reproduce may still come true. */
    private String stillPossible(Finding finding) {
        if (NARROWING.contains(finding.ruleId())) {
            return edgeSeeded(finding.object())
                    ? "it may still fail on another server version or SQL mode (even values at the limits of the older type fit)"
                    : "the seeded values fit the new type; values the older type allows beyond it still fail";
        }
        if (finding.ruleId().equals("BC109")) {
            return "the seeded rows satisfy the new restriction; values the older release writes may not";
        }
        return "the older release's own queries may still use it in ways the table contract does not try";
    }

    /** Why a rule's claim rests on the rule alone: no database, or the step that would check it did not run. */
    private String notChecked(Finding finding) {
        if (verification == null || "none".equals(verification.mode())) {
            return null;
        }
        Optional<Step> skipped = verification.step(CONTRACT_CHECKS.contains(finding.ruleId()) ? Verifier.CONTRACT
                : Verifier.REHEARSAL).filter(s -> s.status() == Step.Status.SKIPPED);
        return skipped.map(s -> "not checked" + on() + ": " + s.name() + " " + s.details()).orElse(null);
    }

    private List<String> failures(String step) {
        return step(step).filter(Step::isFailed).map(Step::failures).orElse(List.of());
    }

    /** A contract failure's subject (table or table.column) is about the object when either names the other's table. */
    static boolean about(String subject, String object) {
        String s = subject.toLowerCase(Locale.ROOT);
        String o = object.toLowerCase(Locale.ROOT);
        return s.equals(o) || (!s.contains(".") && o.startsWith(s + ".")) || (!o.contains(".") && s.startsWith(o + "."));
    }

    private static Evidence evidence(Finding finding, String basis, String step, String detail) {
        return new Evidence(finding.object(), basis, step, finding.ruleId(), detail);
    }

    /** "SELECT", "SELECT and INSERT", "SELECT, INSERT and UPDATE". */
    static String joined(List<String> items) {
        return items.size() <= 1 ? String.join("", items)
                : String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }
}
