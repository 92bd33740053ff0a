package dev.migsafe.rules.parse;

import java.util.List;

import dev.migsafe.rules.Category;
import dev.migsafe.rules.MigrationContext;
import dev.migsafe.rules.Rule;
import dev.migsafe.rules.RuleInfo;
import dev.migsafe.rules.Severity;
import dev.migsafe.sql.ParsedStatement;
import dev.migsafe.sql.SqlStatement;

/** A statement migsafe could not understand: its effects are unknown, so it is reported, never skipped. */
@RuleInfo(id = NotAnalysedRule.ID, name = "not-analysed", category = Category.PARSE, severity = Severity.WARNING,
        summary = "A statement migsafe could not understand, so its effects were not checked.",
        fix = "Review the statement by hand for the other rules' concerns; split or simplify it if possible, or "
                + "suppress this finding with a reason once reviewed.")
public final class NotAnalysedRule implements Rule {
    public static final String ID = "PS501";

    @Override
    public void onMigration(MigrationContext ctx) {
        report(ctx, ctx.up());
        if (ctx.down() != null) {
            report(ctx, ctx.down());
        }
    }

    private static void report(MigrationContext ctx, List<ParsedStatement> statements) {
        for (ParsedStatement ps : statements) {
            if (!ps.isUnderstood()) {
                SqlStatement st = ps.statement();
                ctx.reportAt(st.file(), st.line(), st.summary(200), "", "migsafe could not analyse this statement ("
                        + ps.problem() + "); what it does to the schema and data is unknown, so findings about it "
                        + "and the schema after it may be missing", null);
            }
        }
    }
}
