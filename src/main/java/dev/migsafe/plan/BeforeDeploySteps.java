package dev.migsafe.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.migsafe.dialect.Dialect;
import dev.migsafe.tool.MigrationTool;
import dev.migsafe.verdict.Strategy.Step;

/** What to do before shipping a release: a named restore point, backups of what the range destroys, the rollback floor. */
final class BeforeDeploySteps {

    private BeforeDeploySteps() {
    }

    static List<Step> of(PlanContext ctx, RollbackFloor floor) {
        DatabaseClient db = ctx.client();
        List<Step> steps = new ArrayList<>();
        steps.addAll(switch (ctx.dialect()) {
            case POSTGRESQL -> List.of(
                    new Step("Check WAL archiving is on: a restore point is only useful with an archive to replay",
                            db.runSql(List.of("SHOW wal_level;", "SHOW archive_mode;"))),
                    new Step("Create a named restore point just before the deploy (needs superuser or"
                            + " EXECUTE on pg_create_restore_point)",
                            db.runSql(List.of("SELECT pg_create_restore_point(" + Shell.sqlLiteral(ctx.restorePointName()) + ");"))));
            case MYSQL -> List.of(new Step("Start a fresh binary log at the deploy and note its name and position"
                    + " (MySQL has no named restore points; SHOW BINARY LOG STATUS on 8.4+)",
                    db.runSql(List.of("FLUSH BINARY LOGS;", "SHOW MASTER STATUS;"))));
        });
        steps.add(Step.manual("Check the newest base backup and the WAL/binlog archive are current"
                + " (pgbackrest info, barman check, or your backup tool's status)."));
        Map<String, List<String>> atRisk = ctx.affected().atRisk();
        if (atRisk.isEmpty()) {
            steps.add(Step.manual("The range drops or rewrites no existing data: no table backup is needed beyond the restore point."));
        } else {
            String file = ctx.file("before-deploy");
            String what = ctx.affected().atRiskTables().stream()
                    .map(t -> t + " (" + String.join("; ", atRisk.get(t)) + ")").collect(Collectors.joining(", "));
            steps.add(new Step("Back up the tables whose data the range drops or rewrites: " + what,
                    db.backupTables(ctx.affected().atRiskTables(), file)));
            steps.add(new Step("Check the backup", db.checkBackup(file)));
        }
        if (ctx.tool() == MigrationTool.LIQUIBASE) {
            steps.add(new Step("Tag the database so that 'rollback --tag' finds the state before the deploy",
                    "liquibase --changelog-file=\"$CHANGELOG_FILE\" --url=\"$LIQUIBASE_URL\" tag --tag=" + Shell.quote(ctx.to())));
        }
        steps.add(Step.manual(floorSentence(ctx, floor)));
        return steps;
    }

    static String floorSentence(PlanContext ctx, RollbackFloor floor) {
        if (floor == null || floor.checks().isEmpty()) {
            return "Rollback floor: no older release is listed under releases: in migsafe.yaml; after the deploy, "
                    + ctx.to() + (ctx.verdict() == dev.migsafe.verdict.Verdict.GO ? " can" : " cannot") + " run on the schema.";
        }
        String checked = floor.checks().stream().map(c -> c.release() + " " + c.verdict()).collect(Collectors.joining(", "));
        return floor.floor() == null
                ? "Rollback floor: after this deploy no older release can run on the schema (checked: " + checked
                + "); going back needs the downs or a restore."
                : "Rollback floor: after this deploy the oldest release that can still run on the schema is "
                + floor.floor() + " (checked: " + checked + ").";
    }
}
