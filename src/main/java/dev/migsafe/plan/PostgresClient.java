package dev.migsafe.plan;

import java.util.List;
import java.util.stream.Collectors;

/** psql, pg_dump and pg_restore. */
final class PostgresClient implements DatabaseClient {

    @Override
    public List<String> connectionSetup(String knownUrl) {
        return List.of(
                "# the database to work on; keep the password in ~/.pgpass or PGPASSWORD, never on the command line",
                "export DATABASE_URL=" + Shell.quote(knownUrl != null ? knownUrl : "postgresql://USER@HOST:5432/DBNAME"),
                "# an empty scratch database beside production, to load backups into (never production itself)",
                "export SIDE_DATABASE_URL=" + Shell.quote("postgresql://USER@SIDE_HOST:5432/migsafe_side"),
                "# for a point-in-time restore: the new server, its data directory and port, the base backup and WAL archive",
                "export PGDATA_NEW=/var/lib/postgresql/restore RESTORE_PORT=5433 BASE_BACKUP=/backups/base WAL_ARCHIVE=/backups/wal",
                "export RESTORED_DATABASE_URL=" + Shell.quote("postgresql://USER@localhost:5433/DBNAME"));
    }

    @Override
    public String backupTables(List<String> tables, String file) {
        return "pg_dump --format=custom " + tables.stream().map(t -> "--table=" + tableArgument(t))
                .collect(Collectors.joining(" ")) + " --file=" + Shell.quote(file) + " \"$DATABASE_URL\"";
    }

    @Override
    public String backupDatabase(String file) {
        return "pg_dump --format=custom --file=" + Shell.quote(file) + " \"$DATABASE_URL\"";
    }

    @Override
    public String checkBackup(String file) {
        return "pg_restore --list " + Shell.quote(file);
    }

    @Override
    public String restoreToSide(String file) {
        return "pg_restore --no-owner --no-privileges --exit-on-error --dbname=\"$SIDE_DATABASE_URL\" " + Shell.quote(file);
    }

    @Override
    public String runFile(String path) {
        return "psql \"$DATABASE_URL\" -v ON_ERROR_STOP=1 --single-transaction --file=" + Shell.quote(path);
    }

    @Override
    public String runFiles(List<String> paths, List<String> thenSql) {
        // BEGIN/COMMIT around \\i: all or nothing, whatever psql's version does with --single-transaction
        List<String> lines = new java.util.ArrayList<>();
        lines.add("BEGIN;");
        paths.forEach(p -> lines.add("\\i " + Shell.quote(p)));
        lines.addAll(thenSql);
        lines.add("COMMIT;");
        return Shell.heredoc("psql \"$DATABASE_URL\" -v ON_ERROR_STOP=1", lines);
    }

    @Override
    public String runSql(List<String> sql) {
        return Shell.heredoc("psql \"$DATABASE_URL\" -v ON_ERROR_STOP=1 --single-transaction", sql);
    }

    @Override
    public String runSqlOnSide(List<String> sql) {
        return Shell.heredoc("psql \"$SIDE_DATABASE_URL\" -v ON_ERROR_STOP=1", sql);
    }

    @Override
    public String runSqlOnRestored(List<String> sql) {
        return Shell.heredoc("psql \"$RESTORED_DATABASE_URL\" -v ON_ERROR_STOP=1", sql);
    }

    @Override
    public String tableArgument(String table) {
        // pg_dump patterns: quote upper-case or special names so they are taken literally
        return table.matches("[a-z_][a-z0-9_]*") ? table : Shell.quote("\"" + table + "\"");
    }

    @Override
    public String dumpExtension() {
        return ".dump";
    }

    @Override
    public String describeTable(String table) {
        return "psql \"$DATABASE_URL\" -c " + Shell.quote("\\d " + table);
    }

    @Override
    public String migrateDatabaseUrl() {
        return "\"$DATABASE_URL\"";
    }

    @Override
    public String falseLiteral() {
        return "false";
    }
}
