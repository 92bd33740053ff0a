package dev.migsafe.rules.compat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import dev.migsafe.change.Change;
import dev.migsafe.change.Change.DataChange.ValueRewrite;
import dev.migsafe.rules.Category;
import dev.migsafe.rules.ChangeContext;
import dev.migsafe.rules.OlderRelease;
import dev.migsafe.rules.Rule;
import dev.migsafe.rules.RuleInfo;
import dev.migsafe.rules.Severity;
import dev.migsafe.schema.Column;
import dev.migsafe.schema.UserType;
import dev.migsafe.source.Migration;
import dev.migsafe.sql.ParsedStatement;

/**
 * An UPDATE renames a stored code-like value (a status, a type, a setting's key) of a column the older
 * release reads, to a value none of its migrations ever wrote or allowed: its lookups of the old value
 * find nothing and it reads a value it does not know. No schema change shows it, so nothing else does.
 */
@RuleInfo(id = RewriteStoredValuesRule.ID, name = "rewrite-stored-values", category = Category.BACKWARD_COMPATIBILITY,
        severity = Severity.ERROR,
        summary = "An UPDATE renames stored values (a status, type or key) of a column the older release reads to a "
                + "value it does not know.",
        fix = "Ship a release that understands both values first, rewrite the rows in a later release; to go back, "
                + "rewrite them to the old value.")
public final class RewriteStoredValuesRule implements Rule {
    public static final String ID = "BC111";

    @Override
    public void onChange(ChangeContext ctx) {
        if (!(ctx.change() instanceof Change.DataChange d) || d.kind() != Change.DataChange.Kind.UPDATE
                || d.tables().size() != 1) {
            return;
        }
        String table = d.tables().get(0);
        // one finding per column, however many values the statement renames (a CASE may rename many)
        Map<String, List<ValueRewrite>> byColumn = new LinkedHashMap<>();
        for (ValueRewrite r : d.rewrites()) {
            if (OlderRelease.hasColumn(ctx, table, r.column()) && !knownToOlderRelease(ctx, table, r.column(), r.to())) {
                byColumn.computeIfAbsent(r.column(), k -> new ArrayList<>()).add(r);
            }
        }
        byColumn.forEach((c, rewrites) -> {
            String column = OlderRelease.tableName(ctx, table) + "." + OlderRelease.columnName(ctx, table, c);
            String renames = rewrites.stream().map(r -> quoted(r.from()) + " -> '" + r.to() + "'")
                    .collect(Collectors.joining(", "));
            String olds = rewrites.stream().map(r -> quoted(r.from())).collect(Collectors.joining(", "));
            String back = rewrites.stream().filter(r -> r.from().size() == 1)
                    .map(r -> "UPDATE " + table + " SET " + c + " = " + literal(r.from().get(0)) + " WHERE " + c + " = "
                            + literal(r.to()) + ";")
                    .collect(Collectors.joining(" "));
            ctx.report(table + "." + c, "rows of " + column + " are given values no migration of the older release "
                    + "writes or allows (" + renames + "): the older release's lookups of " + olds + " no longer find "
                    + "those rows and it reads values it does not know",
                    back.isEmpty() ? null : "Ship a release that understands both values first and rewrite the rows in "
                            + "a later one; to go back, rewrite them: " + back);
        });
    }

    private static String quoted(List<String> values) {
        return values.stream().map(RewriteStoredValuesRule::literal).collect(Collectors.joining(" or "));
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /**
     * The value appears as a literal in a statement of the older release about the table (a CHECK, a
     * default, an INSERT or UPDATE) or a label of the column's enum: that release wrote or allowed it.
     */
    private static boolean knownToOlderRelease(ChangeContext ctx, String table, String column, String value) {
        Column old = ctx.baseColumn(table, column);
        if (old != null) {
            // MySQL ENUM('a','b') columns, PostgreSQL enum types
            UserType type = ctx.base().types().get(old.type().base());
            if (old.type().enumValues().contains(value) || (type != null && type.values().contains(value))) {
                return true;
            }
        }
        String literal = "'" + value.replace("'", "''") + "'";
        String name = table.substring(table.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        for (Migration m : ctx.history().older()) {
            List<ParsedStatement> statements = ctx.history().upStatements(m);
            for (ParsedStatement ps : statements) {
                String text = ps.statement().text();
                if (text.contains(literal) && text.toLowerCase(Locale.ROOT).contains(name)) {
                    return true;
                }
            }
        }
        return false;
    }
}
