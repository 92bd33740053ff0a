package dev.migsafe.plan;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.migsafe.dialect.Dialect;
import dev.migsafe.rules.Finding;
import dev.migsafe.rules.RollForwardRemedy;
import dev.migsafe.rules.RollForwardRemedy.Remedy;
import dev.migsafe.rules.RuleCatalog;
import dev.migsafe.schema.Column;
import dev.migsafe.schema.Schema;
import dev.migsafe.schema.Table;
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

    /** The rule's own remedy when it has one, else the finding's fix. */
    private static Step fix(PlanContext ctx, Finding f) {
        String object = f.object() == null ? "" : f.object();
        String title = f.ruleId() + " " + object + ": ";
        Optional<Remedy> remedy = RuleCatalog.byId(f.ruleId())
                .filter(RollForwardRemedy.class::isInstance).map(RollForwardRemedy.class::cast)
                .flatMap(rule -> rule.rollForward(f, target(ctx, object)));
        if (remedy.isEmpty()) {
            return Step.manual(title + (f.fix() != null ? f.fix() : f.message()));
        }
        return remedy.get().sql() == null ? Step.manual(title + remedy.get().title())
                : new Step(title + remedy.get().title(), remedy.get().sql());
    }

    /** The finding's object in both schemas, followed through renames by lineage. */
    private static RollForwardRemedy.Target target(PlanContext ctx, String object) {
        Schema older = ctx.result().olderSchema();
        Schema newer = ctx.result().newerSchema();
        int dot = object.lastIndexOf('.');
        String tableName = dot < 0 ? object : object.substring(0, dot);
        String columnName = dot < 0 ? null : object.substring(dot + 1);
        Table oldTable = older.table(tableName);
        Table newTable = oldTable == null ? null : newer.tableByLineage(oldTable.lineage());
        Column oldColumn = oldTable == null || columnName == null ? null : oldTable.column(columnName);
        Column newColumn = oldColumn == null || newTable == null ? null : newTable.columns().values().stream()
                .filter(c -> c.lineage() == oldColumn.lineage()).findFirst().orElse(null);
        return new RollForwardRemedy.Target() {
            @Override public Dialect dialect() { return ctx.dialect(); }
            @Override public String release() { return ctx.to(); }
            @Override public String tableName() { return tableName; }
            @Override public String columnName() { return columnName; }
            @Override public Table oldTable() { return oldTable; }
            @Override public Table newTable() { return newTable; }
            @Override public Column oldColumn() { return oldColumn; }
            @Override public Column newColumn() { return newColumn; }
            @Override public String quote(String name) { return ctx.dialect().syntax().identifier(name); }
            @Override public String typeOf(Column column) { return type(column); }
        };
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
}
