package dev.migsafe.rules.config;

import dev.migsafe.rules.Category;
import dev.migsafe.rules.Rule;
import dev.migsafe.rules.RuleInfo;
import dev.migsafe.rules.Severity;

/**
 * A {@code migsafe:ignore} comment without a reason. The analysis engine reports it itself while it
 * applies suppressions (a suppression is not a schema change); this class gives the rule its place
 * in the catalog and its page.
 */
@RuleInfo(id = SuppressionWithoutReasonRule.ID, name = "suppression-without-reason", category = Category.CONFIGURATION,
        severity = Severity.WARNING,
        summary = "A migsafe:ignore comment gives no reason, so it silences nothing.",
        fix = "Write the reason after the rule IDs, e.g. -- migsafe:ignore BC104 column unused since v1.1 (#482).")
public final class SuppressionWithoutReasonRule implements Rule {
    public static final String ID = "CF701";

}
