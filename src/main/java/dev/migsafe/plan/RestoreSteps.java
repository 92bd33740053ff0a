package dev.migsafe.plan;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import dev.migsafe.plan.history.SchemaHistory;
import dev.migsafe.source.Migration;
import dev.migsafe.dialect.Dialect;
import dev.migsafe.tool.MigrationTool;
import dev.migsafe.verdict.Strategy.Step;

/**
 * Point-in-time restore to just before the range ran, then the parallel-environment recovery of
 * the rows written since: the database as it is now is dumped first, loaded beside the restored one,
 * and its newer rows are copied back through the older schema's column names.
 */
final class RestoreSteps {
    static final DateTimeFormatter MYSQL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final String UNKNOWN_TIME = "YYYY-MM-DD HH:MM:SS+00";

    private RestoreSteps() {
    }

    static List<Step> of(PlanContext ctx) {
        return switch (ctx.dialect()) {
            case POSTGRESQL -> postgres(ctx);
            case MYSQL -> mysql(ctx);
        };
    }

    private static List<Step> postgres(PlanContext ctx) {
        DatabaseClient db = ctx.client();
        Instant target = ctx.target() == null ? null : ctx.target().time();
        String time = target == null ? UNKNOWN_TIME : RestoreTarget.postgresTime(target);
        String dump = ctx.file("pre-rollback");
        List<Step> steps = new ArrayList<>();
        steps.add(Step.manual(targetSentence(ctx, time)));
        steps.add(new Step("Dump the database as it is now: the rows written since the target exist only here",
                db.backupDatabase(dump)));
        steps.add(new Step("Check the dump", db.checkBackup(dump)));
        steps.add(Step.manual("Stop " + ctx.from() + " (scale to zero or maintenance mode) so that nothing more is written."));
        steps.add(new Step("Put the newest base backup taken before the target into a new data directory"
                + " (pgBackRest: pgbackrest restore --type=time --target=...; Barman: barman recover --target-time ...)",
                "install -d -m 700 \"$PGDATA_NEW\"\ncp -a \"$BASE_BACKUP\"/. \"$PGDATA_NEW\"/"));
        boolean legacy = !ctx.server().atLeast(12, 0); // recovery.conf before PostgreSQL 12
        String confFile = legacy ? "recovery.conf" : "postgresql.auto.conf";
        String signal = legacy ? "" : "\ntouch \"$PGDATA_NEW\"/recovery.signal";
        steps.add(new Step("Recovery settings: replay the WAL archive up to the target, then pause for checks"
                        + (target == null ? " (fill in the time)" : ""),
                "cat >> \"$PGDATA_NEW\"/" + confFile + " <<CONF\n"
                        + "restore_command = 'cp $WAL_ARCHIVE/%f %p'\n"
                        + "recovery_target_time = '" + time + "'\n"
                        + "recovery_target_inclusive = off\n"
                        + "recovery_target_action = 'pause'\n"
                        + "CONF" + signal));
        steps.add(Step.manual("If a restore point was created before the deploy (plan --before-deploy), you may stop"
                + " exactly there instead: replace the recovery_target_time line by recovery_target_name = '"
                + ctx.restorePointName() + "'."));
        steps.add(new Step("Start the restored server on its own port; it replays the WAL and pauses at the target",
                "pg_ctl --pgdata=\"$PGDATA_NEW\" --log=\"$PGDATA_NEW\"/restore.log --options=\"-p $RESTORE_PORT\" --wait start"));
        // pg_ctl --wait returns once the server takes read-only connections, which can be before the
        // replay reaches the target: a resume sent before the pause would be lost and the server
        // would then stay paused
        steps.add(new Step("Wait until the replay has paused at the target (at most 10 minutes)",
                "for i in $(seq 600); do psql \"$RESTORED_DATABASE_URL\" -tAc 'SELECT pg_is_wal_replay_paused()' | grep -q t"
                        + " && break; sleep 1; done"));
        steps.add(new Step("Check it stopped before the range: in recovery, paused, and the history ends at "
                + (ctx.lastOlder() == null ? "the older release" : ctx.lastOlder().id()),
                db.runSqlOnRestored(List.of("SELECT pg_is_in_recovery() AS in_recovery, pg_is_wal_replay_paused() AS paused;",
                        lastHistoryQuery(ctx.tool(), ctx.historyTable())))));
        steps.add(new Step("End recovery and wait until the restored server is writable",
                db.runSqlOnRestored(List.of("SELECT pg_wal_replay_resume();"))
                        + "\nuntil psql \"$RESTORED_DATABASE_URL\" -tAc 'SELECT NOT pg_is_in_recovery()' | grep -q t; do sleep 1; done"));
        steps.addAll(copyBack(ctx, dump, target));
        steps.add(Step.manual("Point the application's database at the restored server (it replaces production;"
                + " keep the old one, read-only, until the incident is closed), then deploy " + ctx.to() + "."));
        steps.addAll(AppOnlySteps.healthChecks(ctx));
        return steps;
    }

    /** Rows written since the target, from the pre-rollback dump into the restored database. */
    private static List<Step> copyBack(PlanContext ctx, String dump, Instant target) {
        DatabaseClient db = ctx.client();
        List<Step> steps = new ArrayList<>();
        steps.add(new Step("Load the pre-rollback dump beside production, into the empty side database",
                db.restoreToSide(dump)));
        List<TableCopy> copies = TableCopy.between(ctx.result().olderSchema(), ctx.result().newerSchema());
        for (TableCopy t : copies) {
            steps.add(new Step("Copy back the rows of " + t.olderTable() + " written since the target"
                    + (t.notCopied().isEmpty() ? "" : " (columns dropped since, not copied: " + String.join(", ", t.notCopied())
                    + (t.requiredNotCopied().isEmpty() ? "" : "; " + String.join(", ", t.requiredNotCopied())
                    + " is NOT NULL without a default in " + ctx.to() + ": add a value for it to both column lists first") + ")"),
                    copyTable(ctx, t, target)));
        }
        List<String> newTables = ctx.result().newerSchema().tables().values().stream()
                .filter(n -> ctx.result().olderSchema().tableByLineage(n.lineage()) == null).map(n -> n.name()).sorted().toList();
        if (!newTables.isEmpty()) {
            steps.add(Step.manual("Tables created by the range (" + String.join(", ", newTables)
                    + ") do not exist in " + ctx.to() + ": their rows stay in the pre-rollback dump for the fix-forward release."));
        }
        steps.add(Step.manual("Rows that existed before the target and were updated or deleted since keep their"
                + " restored state: compare them in the side database and replay what matters by hand."));
        return steps;
    }

    private static String copyTable(PlanContext ctx, TableCopy t, Instant target) {
        java.util.function.UnaryOperator<String> id = ctx.dialect().syntax()::identifier;
        String select = "SELECT " + t.newerColumns().stream().map(id).collect(Collectors.joining(", "))
                + " FROM " + id.apply(t.newerTable())
                + (target == null || t.timeColumns().isEmpty() ? "" : " WHERE " + t.timeColumns().stream()
                .map(c -> id.apply(c) + " >= '" + RestoreTarget.postgresTime(target) + "'").collect(Collectors.joining(" OR ")));
        String cols = t.olderColumns().stream().map(id).collect(Collectors.joining(", "));
        String table = id.apply(t.olderTable());
        String staging = id.apply("since_" + t.olderTable());
        String export = Shell.heredoc("psql \"$SIDE_DATABASE_URL\" -v ON_ERROR_STOP=1",
                List.of("\\copy (" + select + ") TO '" + t.csvFile() + "' WITH (FORMAT csv)"));
        List<String> load = new ArrayList<>();
        load.add("BEGIN;");
        load.add("CREATE TEMP TABLE " + staging + " ON COMMIT DROP AS SELECT " + cols + " FROM " + table + " WITH NO DATA;");
        load.add("\\copy " + staging + " FROM '" + t.csvFile() + "' WITH (FORMAT csv)");
        load.add("INSERT INTO " + table + " (" + cols + ") OVERRIDING SYSTEM VALUE SELECT " + cols + " FROM " + staging
                + " ON CONFLICT DO NOTHING;");
        if (t.keyColumn() != null) {
            String key = id.apply(t.keyColumn());
            load.add("SELECT setval(pg_get_serial_sequence(" + Shell.sqlLiteral(table) + ", " + Shell.sqlLiteral(t.keyColumn())
                    + "), max(" + key + ")) FROM " + table + " HAVING max(" + key + ") IS NOT NULL;");
        }
        load.add("COMMIT;");
        return export + "\n" + Shell.heredoc("psql \"$RESTORED_DATABASE_URL\" -v ON_ERROR_STOP=1", load);
    }

    private static List<Step> mysql(PlanContext ctx) {
        DatabaseClient db = ctx.client();
        Instant target = ctx.target() == null ? null : ctx.target().time();
        String time = target == null ? "YYYY-MM-DD HH:MM:SS" : MYSQL_TIME.format(target);
        String dump = ctx.file("pre-rollback");
        List<Step> steps = new ArrayList<>();
        steps.add(Step.manual(targetSentence(ctx, time + " UTC")));
        steps.add(new Step("Dump the database as it is now: the rows written since the target exist only here",
                db.backupDatabase(dump)));
        steps.add(new Step("Check the dump", db.checkBackup(dump)));
        steps.add(Step.manual("Stop " + ctx.from() + " (scale to zero or maintenance mode) so that nothing more is written."));
        steps.add(Step.manual("Restore the newest full backup taken before the target on a new server (or a new"
                + " database), and note the binlog file and position it was taken at (xtrabackup_binlog_info, or the"
                + " CHANGE MASTER / CHANGE REPLICATION SOURCE line of a mysqldump --source-data dump)."));
        steps.add(new Step("Replay the binary logs from that position up to the target (mysqlbinlog reads"
                + " --stop-datetime in its own time zone: TZ=UTC makes it the UTC time above)",
                "TZ=UTC mysqlbinlog --start-position=\"$BINLOG_POSITION\" --stop-datetime=" + Shell.quote(time)
                        + " \"$BINLOG_DIR\"/binlog.[0-9]* | mysql --host=\"$RESTORED_HOST\" \"$MYSQL_DATABASE\""));
        steps.add(new Step("Load the pre-rollback dump beside production, into the empty side database",
                db.restoreToSide(dump)));
        for (TableCopy t : TableCopy.between(ctx.result().olderSchema(), ctx.result().newerSchema())) {
            boolean renamed = !t.olderTable().equals(t.newerTable()) || !t.olderColumns().equals(t.newerColumns());
            String where = target == null || t.timeColumns().isEmpty() ? "" : " --where=" + Shell.quote(t.timeColumns().stream()
                    .map(c -> c + " >= '" + time + "'").collect(Collectors.joining(" OR ")));
            steps.add(new Step("Copy back the rows of " + t.olderTable() + " written since the target"
                    + (renamed ? " (renamed since: edit the column list of the INSERTs to " + String.join(", ", t.olderColumns()) + ")" : ""),
                    "mysqldump --single-transaction --no-create-info --insert-ignore --complete-insert" + where
                            + " \"$SIDE_DATABASE\" " + Shell.quote(t.newerTable()) + " > " + Shell.quote(t.csvFile().replace(".csv", ".sql"))
                            + "\nmysql --host=\"$RESTORED_HOST\" \"$MYSQL_DATABASE\" < " + Shell.quote(t.csvFile().replace(".csv", ".sql"))));
        }
        steps.add(Step.manual("Point the application's database at the restored server, then deploy " + ctx.to() + "."));
        steps.addAll(AppOnlySteps.healthChecks(ctx));
        return steps;
    }

    private static String targetSentence(PlanContext ctx, String time) {
        Migration first = ctx.result().range().isEmpty() ? null : ctx.result().range().get(0);
        String what = first == null ? "the deploy" : "migration " + first.id() + " (" + first.up().path() + ")";
        if (ctx.target() != null && ctx.target().time() != null) {
            return "Target: " + time + ", just before " + what + " ran, from " + ctx.history().table()
                    + ". Everything written after it is in the data-loss window until copied back below.";
        }
        SchemaHistory h = ctx.history();
        return "Target: just before " + what + " ran. " + (h == null
                ? "Without --history-url the time is not known here: read it from the history table (e.g. "
                + historyTimeQuery(ctx.tool(), ctx.historyTable()) + ") or the deploy log, and write it where " + time + " stands."
                : String.join(" ", ctx.target().notes()));
    }

    static String historyTimeQuery(MigrationTool tool, String table) {
        String query = table == null ? null : tool.historyTimeQuery(table);
        return query != null ? query : "the deploy log: " + tool.displayName() + " records no time";
    }

    private static String lastHistoryQuery(MigrationTool tool, String table) {
        String query = table == null ? null : tool.lastAppliedQuery(table);
        return query != null ? query : "SELECT now();"; // no history table: the step still shows the server answers
    }
}
