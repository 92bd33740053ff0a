package dev.migsafe.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import dev.migsafe.rules.DownMigrationRisk;
import dev.migsafe.rules.DownMigrationRisk.Risk;
import dev.migsafe.rules.Finding;
import dev.migsafe.source.Migration;
import dev.migsafe.verdict.Strategy.Step;

/**
 * Undo the range with its down migrations: back up exactly the tables they touch, stop the newer
 * release, run the downs with the tool in use (or by hand where the tool cannot), redeploy the older
 * release, check.
 */
final class DownMigrationSteps {

    private DownMigrationSteps() {
    }

    static List<Step> of(PlanContext ctx, boolean feasible) {
        List<Migration> undo = ctx.undoOrder();
        List<Step> steps = new ArrayList<>();
        if (!feasible) {
            steps.add(Step.manual("Not possible as it stands: write the missing down migrations first, or choose another way back."));
            return steps;
        }
        if (undo.isEmpty()) {
            return steps;
        }
        DatabaseClient db = ctx.client();
        steps.addAll(warnings(ctx));
        String backup = ctx.file("before-down");
        List<String> tables = List.copyOf(ctx.affected().downTables());
        if (tables.isEmpty()) {
            steps.add(Step.manual("The downs change no table that holds data; no table backup is needed."));
        } else {
            steps.add(new Step("Back up exactly the tables the downs change (" + String.join(", ", tables) + ")",
                    db.backupTables(tables, backup)));
            steps.add(new Step("Check the backup is complete and readable", db.checkBackup(backup)));
        }
        steps.add(Step.manual("Stop " + ctx.from() + " (scale to zero or maintenance mode): once the downs run, "
                + ctx.from() + " no longer matches the schema, and " + ctx.to() + " does not until they finish."));
        steps.addAll(toolSteps(ctx, undo));
        for (String table : tables) {
            steps.add(new Step("Check " + table + " has the shape " + ctx.to() + " expects", db.describeTable(table)));
        }
        steps.add(Step.manual("Deploy " + ctx.to() + " (see app-only for the commands of your deployment) and start it."));
        steps.addAll(AppOnlySteps.healthChecks(ctx));
        if (!tables.isEmpty()) {
            steps.add(new Step("If data the downs dropped is needed again, load the backup beside production"
                    + " (never over it) and copy the rows back from there", db.restoreToSide(backup)));
        }
        return steps;
    }

    /** Which downs lose data or may fail, named before anything runs. */
    private static List<Step> warnings(PlanContext ctx) {
        List<Step> steps = new ArrayList<>();
        for (Finding f : ctx.active()) {
            if (DownMigrationRisk.is(f, Risk.DOWN_LOSES_DATA)) {
                steps.add(Step.manual("Data loss: " + f.file() + ":" + f.line() + " " + f.message()));
            } else if (DownMigrationRisk.is(f, Risk.DOWN_MAY_FAIL)) {
                steps.add(Step.manual("May fail: " + f.file() + ":" + f.line() + " " + f.message()
                        + (f.fix() != null ? " Check first: " + f.fix() : "")));
            }
        }
        return steps;
    }

    private static List<Step> toolSteps(PlanContext ctx, List<Migration> undo) {
        DatabaseClient db = ctx.client();
        int n = undo.size();
        String ids = undo.stream().map(Migration::id).collect(Collectors.joining(", "));
        List<String> downFiles = undo.stream().map(m -> m.down().path()).toList();
        List<Step> steps = new ArrayList<>();
        switch (ctx.tool()) {
            case FLYWAY -> {
                String versions = undo.stream().map(Migration::id).collect(Collectors.joining(","));
                steps.add(new Step("With Flyway Teams/Enterprise only (undo is not in the open-source edition):"
                        + " undo " + ids + " and check the history", "flyway info\nflyway undo -cherryPick=" + versions
                        + "\nflyway info"));
                steps.add(new Step("Open-source Flyway: run the U files newest first and remove their rows from"
                        + " " + ctx.historyTable() + ", in one transaction", db.runFiles(downFiles,
                        List.of("DELETE FROM " + ctx.historyTable() + " WHERE version IN ("
                                + undo.stream().map(m -> Shell.sqlLiteral(m.id())).collect(Collectors.joining(", ")) + ");"))));
            }
            case LIQUIBASE -> {
                String tagged = ctx.history() != null && ctx.history().entries().stream().anyMatch(e -> ctx.to().equals(e.tag()))
                        ? "the database is tagged " + ctx.to() : "if the database was tagged " + ctx.to() + " (liquibase tag)";
                steps.add(new Step("Preview the SQL Liquibase will run (" + tagged + ")",
                        "liquibase --changelog-file=\"$CHANGELOG_FILE\" --url=\"$LIQUIBASE_URL\" rollback-sql --tag=" + Shell.quote(ctx.to())));
                steps.add(new Step("Roll back to the tag " + ctx.to(),
                        "liquibase --changelog-file=\"$CHANGELOG_FILE\" --url=\"$LIQUIBASE_URL\" rollback --tag=" + Shell.quote(ctx.to())));
                steps.add(new Step("Without that tag: roll back the last " + n + " changeSet(s) (" + ids + ")",
                        "liquibase --changelog-file=\"$CHANGELOG_FILE\" --url=\"$LIQUIBASE_URL\" rollback-count --count=" + n));
            }
            case GOLANG_MIGRATE -> {
                String dir = directoryOf(undo.get(0).down().path());
                steps.add(new Step("golang-migrate: run the last " + n + " down migration(s) (" + ids + ")",
                        "migrate -path " + Shell.quote(dir) + " -database " + db.migrateDatabaseUrl() + " down " + n));
                Migration last = ctx.lastOlder();
                steps.add(new Step("Without the migrate binary: run the .down.sql files newest first and set the version back",
                        db.runFiles(downFiles, List.of(last == null ? "DELETE FROM schema_migrations;"
                                : "UPDATE schema_migrations SET version = " + last.id().replaceFirst("^0+(?=.)", "")
                                + ", dirty = " + db.falseLiteral() + ";"))));
            }
            case DBMATE -> {
                String dir = directoryOf(undo.get(0).up().path());
                steps.add(new Step("dbmate rolls back one migration per run: run it " + n + " time(s) (" + ids + ")",
                        "for i in $(seq " + n + "); do dbmate --migrations-dir " + Shell.quote(dir) + " rollback || break; done"));
            }
            case DIESEL -> {
                String dir = directoryOf(directoryOf(undo.get(0).down().path()));
                steps.add(new Step("diesel: revert the last " + n + " migration(s) (" + ids + ")",
                        "diesel migration revert --number " + n + " --migration-dir " + Shell.quote(dir)
                                + " --database-url \"$DATABASE_URL\""));
                steps.add(new Step("Without the diesel binary: run the down.sql files newest first and remove their history rows",
                        db.runFiles(downFiles, List.of("DELETE FROM __diesel_schema_migrations WHERE version IN ("
                                + undo.stream().map(m -> Shell.sqlLiteral(m.id().replace("-", ""))).collect(Collectors.joining(", "))
                                + ");"))));
            }
            default -> steps.add(new Step("Run the down files newest first", db.runFiles(downFiles, List.of())));
        }
        return steps;
    }

    private static String directoryOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "." : path.substring(0, slash);
    }
}
