package dev.migsafe.rules.config;

import dev.migsafe.rules.Category;
import dev.migsafe.rules.Rule;
import dev.migsafe.rules.RuleInfo;
import dev.migsafe.rules.Severity;

/**
 * A {@code migsafe:ignore} or {@code migsafe:ignore-file} comment that silenced nothing: the finding it
 * was written for is gone (the statement was fixed, the rule changed), the rule ID is misspelt, or an
 * {@code ignore-file} sits after the file's leading comment block. Like CF701 it is reported by the
 * analysis engine while it applies suppressions; this class gives the rule its place and its page.
 */
@RuleInfo(id = UnusedSuppressionRule.ID, name = "unused-suppression", category = Category.CONFIGURATION,
        severity = Severity.WARNING,
        summary = "A migsafe:ignore or migsafe:ignore-file comment silences no finding.",
        fix = "Delete the comment, or correct its rule ID or place (ignore-file belongs in the file's leading comment block).")
public final class UnusedSuppressionRule implements Rule {
    public static final String ID = "CF702";

}
