package dev.migsafe.rules.compat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.migsafe.change.Change;
import dev.migsafe.change.ConstraintDef;
import dev.migsafe.rules.Category;
import dev.migsafe.rules.ChangeContext;
import dev.migsafe.rules.OlderRelease;
import dev.migsafe.rules.Restrictions;
import dev.migsafe.rules.Rule;
import dev.migsafe.rules.RuleInfo;
import dev.migsafe.rules.Severity;
import dev.migsafe.schema.Index;

/**
 * A new UNIQUE, CHECK, FOREIGN KEY, PRIMARY KEY or EXCLUDE constraint (or unique index) on columns
 * the older release writes: it was not written with the restriction in mind, and writes it used
 * to make can now be refused. Re-creating a restriction the older release already had (a foreign key
 * with another ON DELETE, a unique constraint over its unique index) is not new.
 */
@RuleInfo(id = NewWriteRestrictionRule.ID, name = "new-write-restriction", category = Category.BACKWARD_COMPATIBILITY,
        severity = Severity.WARNING,
        summary = "A unique, check, foreign key, primary key or exclusion constraint is added on columns the older "
                + "release writes.",
        fix = "Make sure the older release already respects the restriction (validate in the application first); on "
                + "PostgreSQL add CHECK and FOREIGN KEY as NOT VALID and VALIDATE them later, and build unique indexes "
                + "CONCURRENTLY; suppress with a reason once reviewed.")
public final class NewWriteRestrictionRule implements Rule {
    public static final String ID = "BC109";

    @Override
    public void onChange(ChangeContext ctx) {
        if (ctx.change() instanceof Change.AddConstraint c) {
            constraint(ctx, c.table(), c.constraint());
        } else if (ctx.change() instanceof Change.CreateIndex c && c.unique()
                && !Restrictions.uniqueOn(ctx.base(), ctx.baseTable(c.table()), c.columns())) {
            check(ctx, c.table(), "unique index" + (c.name() == null ? "" : " " + c.name()), c.columns(), c.columns(),
                    false);
        }
    }

    private static void constraint(ChangeContext ctx, String table, ConstraintDef k) {
        Index backing = k.usingIndex() == null ? null : ctx.before().indexes().get(k.usingIndex());
        if ((backing != null && backing.unique()) || Restrictions.alreadyEnforced(ctx.base(), ctx.baseTable(table), k)) {
            return; // already restricted writes (the older release's own constraint, re-created; or a unique index)
        }
        List<String> columns = k.columns() == null ? List.of() : k.columns();
        List<String> mentioned = new ArrayList<>(columns);
        if (k.expression() != null) {
            mentioned.add(k.expression());
        }
        check(ctx, table, describe(k), columns, mentioned, k.kind() == ConstraintDef.Kind.CHECK);
    }

    private static void check(ChangeContext ctx, String table, String what, List<String> columns, List<String> mentioned,
                              boolean isCheck) {
        if (OlderRelease.table(ctx, table) == null) {
            return;
        }
        Set<String> known = OlderRelease.knownColumnsMentioned(ctx, table, mentioned);
        if (known.isEmpty() && !(isCheck && columns.isEmpty())) {
            return; // only on columns new in this release: the older release does not write them
        }
        String on = columns.isEmpty() ? table : table + " (" + String.join(", ", columns) + ")";
        ctx.report(table, "new " + what + " on " + on + ": the older release was not written with it in mind and may "
                + "write rows that violate it; those inserts and updates now fail instead of succeeding");
    }

    private static String describe(ConstraintDef k) {
        String kind = switch (k.kind()) {
            case PRIMARY_KEY -> "PRIMARY KEY";
            case UNIQUE -> "UNIQUE constraint";
            case CHECK -> "CHECK constraint";
            case FOREIGN_KEY -> "FOREIGN KEY to " + k.refTable();
            case EXCLUDE -> "EXCLUDE constraint";
        };
        return k.name() == null ? kind : kind + " " + k.name();
    }
}
