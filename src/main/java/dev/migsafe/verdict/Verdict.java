package dev.migsafe.verdict;

import java.util.List;

import dev.migsafe.rules.Category;
import dev.migsafe.rules.Finding;
import dev.migsafe.rules.Severity;

/** GO when an app-only rollback to the older release is safe; NO_GO otherwise. */
public enum Verdict {
    GO, NO_GO;

    /**
     * GO iff no active error-level backward-compatibility finding and no failed verification step.
     */
    public static Verdict decide(List<Finding> findings, boolean verificationFailed) {
        return blocking(findings).isEmpty() && !verificationFailed ? GO : NO_GO;
    }

    /** The findings that make the verdict NO_GO. */
    public static List<Finding> blocking(List<Finding> findings) {
        return findings.stream()
                .filter(Finding::isActive)
                .filter(f -> f.category() == Category.BACKWARD_COMPATIBILITY && f.severity() == Severity.ERROR)
                .toList();
    }
}
