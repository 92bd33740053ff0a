package dev.migsafe.rules.history;

import java.util.Comparator;
import java.util.Objects;

import org.flywaydb.core.api.MigrationVersion;

import dev.migsafe.rules.Category;
import dev.migsafe.rules.RangeContext;
import dev.migsafe.rules.Rule;
import dev.migsafe.rules.RuleInfo;
import dev.migsafe.rules.Severity;
import dev.migsafe.source.Migration;

/**
 * A new migration numbered below one the older release already shipped: databases that ran the
 * older release skip it (or need out-of-order mode), and it runs in a different order on fresh
 * databases than on upgraded ones.
 */
@RuleInfo(id = OutOfOrderRule.ID, name = "out-of-order", category = Category.HISTORY, severity = Severity.WARNING,
        summary = "A new migration sorts before a migration already released.",
        fix = "Renumber the migration after the last released one (e.g. after merging a long-lived branch).")
public final class OutOfOrderRule implements Rule {
    public static final String ID = "HS402";

    @Override
    public void onRange(RangeContext ctx) {
        MigrationVersion highest = ctx.older().stream().map(Migration::version).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
        if (highest == null) {
            return;
        }
        for (Migration m : ctx.range()) {
            if (m.version() != null && m.kind() != Migration.Kind.REPEATABLE && m.version().compareTo(highest) < 0) {
                ctx.reportAt(m.up().path(), m.up().firstLine(), "", m.id(), "migration " + m.id() + " sorts before "
                        + highest + ", already released: databases of the older release are past it, so Flyway "
                        + "refuses or skips it unless out-of-order is enabled, and fresh databases run it in another "
                        + "order than upgraded ones", null);
            }
        }
    }
}
