package dev.migsafe.plan;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.migsafe.rules.Finding;
import dev.migsafe.schema.Column;
import dev.migsafe.schema.Schema;
import dev.migsafe.schema.Table;
import dev.migsafe.sql.Dialect;
import dev.migsafe.verdict.Strategy.Step;
import dev.migsafe.verdict.Verdict;

/**
 * What a fix-forward release must do so that the older release runs again, one migration sketch per
 * blocking finding, written from the older and newer schema models (names followed through renames).
 */
final class RollForwardSteps {

    private RollForwardSteps() {
    }

    static List<Step> of(PlanContext ctx) {
        List<Step> steps = new ArrayList<>();
        List<Finding> blocking = Verdict.blocking(ctx.active());
        if (blocking.isEmpty()) {
            steps.add(Step.manual("Nothing in the range blocks " + ctx.to() + ": fix the bug in a new release as usual."));
            return steps;
        }
        steps.add(Step.manual("Name a new migration after the newest one of your main branch (never edit an applied"
                + " one), e.g. export FIX_MIGRATION=" + exampleFile(ctx) + "; each step below appends to it."));
        Set<String> seen = new LinkedHashSet<>();
        for (Finding f : blocking) {
            if (seen.add(f.ruleId() + " " + f.object())) {
                Step fix = fix(ctx, f);
                steps.add(fix.command() == null ? fix
                        : new Step(fix.title(), "cat >> \"$FIX_MIGRATION\" <<'SQL'\n" + fix.command() + "\nSQL"));
            }
        }
        steps.add(Step.manual("Ship it in a fix release, run 'migsafe can-rollback <fix release> " + ctx.to()
                + "' until it says GO, then deploy it."));
        return steps;
    }

    private static Step fix(PlanContext ctx, Finding f) {
        Schema older = ctx.result().olderSchema();
        Schema newer = ctx.result().newerSchema();
        boolean pg = ctx.dialect() == Dialect.POSTGRESQL;
        String object = f.object() == null ? "" : f.object();
        int dot = object.lastIndexOf('.');
        String tableName = dot < 0 ? object : object.substring(0, dot);
        String columnName = dot < 0 ? null : object.substring(dot + 1);
        Table oldTable = older.table(tableName);
        Table newTable = oldTable == null ? null : newer.tableByLineage(oldTable.lineage());
        Column oldColumn = oldTable == null || columnName == null ? null : oldTable.column(columnName);
        Column newColumn = oldColumn == null || newTable == null ? null : newTable.columns().values().stream()
                .filter(c -> c.lineage() == oldColumn.lineage()).findFirst().orElse(null);
        String title = f.ruleId() + " " + object + ": ";
        switch (f.ruleId()) {
            case "BC101" -> {
                if (newTable != null) {
                    return new Step(title + "serve the old table name through a view on the renamed table",
                            "CREATE VIEW " + q(tableName) + " AS SELECT * FROM " + q(newTable.name()) + ";");
                }
            }
            case "BC102" -> {
                if (newTable != null && newColumn != null) {
                    String moved = newTable.name() + "_v2";
                    List<String> cols = new ArrayList<>();
                    newTable.columns().values().forEach(c -> cols.add(q(c.name())));
                    cols.add(q(newColumn.name()) + " AS " + q(columnName));
                    return new Step(title + "expose the column under both names (the expand/contract way): move the"
                            + " table aside and put a view with its old name in its place",
                            "ALTER TABLE " + q(newTable.name()) + " RENAME TO " + q(moved) + ";\n"
                                    + "CREATE VIEW " + q(newTable.name()) + " AS SELECT " + String.join(", ", cols)
                                    + " FROM " + q(moved) + ";");
                }
            }
            case "BC104" -> {
                if (newTable != null && oldColumn != null) {
                    return new Step(title + "re-add the dropped column, nullable so that the newer release's inserts"
                            + " still work, then reload its values from the backup taken before the deploy",
                            "ALTER TABLE " + q(newTable.name()) + " ADD COLUMN " + q(columnName) + " " + type(oldColumn) + ";");
                }
            }
            case "BC105" -> {
                if (newTable != null && oldColumn != null && newColumn != null) {
                    return new Step(title + "give the column back its older type " + type(oldColumn),
                            pg ? "ALTER TABLE " + q(newTable.name()) + " ALTER COLUMN " + q(newColumn.name()) + " TYPE " + type(oldColumn) + ";"
                                    : "ALTER TABLE " + q(newTable.name()) + " MODIFY " + q(newColumn.name()) + " " + type(oldColumn)
                                    + (oldColumn.notNull() ? " NOT NULL" : "") + ";");
                }
            }
            case "BC106", "BC107" -> {
                if (newTable != null && newColumn != null) {
                    return new Step(title + "let the older release's inserts through again: drop the NOT NULL"
                            + " (or give the column a default)", pg
                            ? "ALTER TABLE " + q(newTable.name()) + " ALTER COLUMN " + q(newColumn.name()) + " DROP NOT NULL;"
                            : "ALTER TABLE " + q(newTable.name()) + " MODIFY " + q(newColumn.name()) + " " + type(newColumn) + " NULL;");
                }
            }
            case "BC108" -> {
                if (newTable != null && newColumn != null && oldColumn != null && oldColumn.defaultExpr() != null) {
                    return new Step(title + "put the default back", "ALTER TABLE " + q(newTable.name()) + " ALTER COLUMN "
                            + q(newColumn.name()) + " SET DEFAULT " + oldColumn.defaultExpr() + ";");
                }
            }
            default -> {
                // described below
            }
        }
        return Step.manual(title + (f.ruleId().equals("BC103")
                ? "recreate the table as " + ctx.to() + " defines it and reload its rows from the backup taken before the deploy."
                : f.fix() != null ? f.fix() : f.message()));
    }

    /** Where the tool looks for migrations, with a name in its convention. */
    private static String exampleFile(PlanContext ctx) {
        String first = ctx.result().range().get(0).up().path();
        String dir = first.contains("/") ? first.substring(0, first.lastIndexOf('/') + 1) : "";
        String name = "restore_compatibility_with_" + Shell.fileSafe(ctx.to()).replace('.', '_');
        return switch (ctx.tool()) {
            case FLYWAY -> dir + "V" + nextVersion(ctx) + "__" + name + ".sql";
            case GOLANG_MIGRATE -> dir + "NNNNNN_" + name + ".up.sql";
            case LIQUIBASE, DBMATE, DIESEL, PLAIN_SQL -> dir + name + ".sql";
        };
    }

    private static String nextVersion(PlanContext ctx) {
        return ctx.result().statuses().stream().map(s -> s.migration().version()).filter(java.util.Objects::nonNull)
                .max(Comparable::compareTo).map(v -> {
                    String major = v.getVersion().split("\\.")[0];
                    return major.matches("\\d+") ? String.valueOf(Long.parseLong(major) + 1) : major + "_1";
                }).orElse("1");
    }

    private static String type(Column c) {
        return c.type() == null ? "text" : c.type().raw() != null && !c.type().raw().isBlank() ? c.type().raw() : c.type().toString();
    }

    private static String q(String name) {
        return Identifiers.postgres(name);
    }
}
