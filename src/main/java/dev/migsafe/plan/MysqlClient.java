package dev.migsafe.plan;

import java.util.List;

/** mysql and mysqldump (MariaDB's clients take the same options). */
final class MysqlClient implements DatabaseClient {

    @Override
    public List<String> connectionSetup(String knownUrl) {
        return List.of(
                "# credentials in ~/.my.cnf ([client] user=..., password=..., host=...), never on the command line",
                "export MYSQL_DATABASE=" + Shell.quote(knownUrl != null ? knownUrl : "DBNAME"),
                "# an empty scratch database beside production, to load backups into (never production itself)",
                "export SIDE_DATABASE=migsafe_side");
    }

    @Override
    public String backupTables(List<String> tables, String file) {
        return "mysqldump --single-transaction --skip-lock-tables --no-tablespaces \"$MYSQL_DATABASE\" "
                + String.join(" ", tables.stream().map(this::tableArgument).toList()) + " > " + Shell.quote(file);
    }

    @Override
    public String backupDatabase(String file) {
        return "mysqldump --single-transaction --skip-lock-tables --no-tablespaces --routines --triggers \"$MYSQL_DATABASE\" > "
                + Shell.quote(file);
    }

    @Override
    public String checkBackup(String file) {
        return "tail -n 1 " + Shell.quote(file) + "   # must read: -- Dump completed on ...";
    }

    @Override
    public String restoreToSide(String file) {
        return "mysql \"$SIDE_DATABASE\" < " + Shell.quote(file);
    }

    @Override
    public String runFile(String path) {
        return "mysql \"$MYSQL_DATABASE\" < " + Shell.quote(path);
    }

    @Override
    public String runFiles(List<String> paths, List<String> thenSql) {
        List<String> lines = new java.util.ArrayList<>();
        paths.forEach(p -> lines.add("source " + p + ";"));
        lines.addAll(thenSql);
        return Shell.heredoc("mysql \"$MYSQL_DATABASE\"", lines);
    }

    @Override
    public String runSql(List<String> sql) {
        return Shell.heredoc("mysql \"$MYSQL_DATABASE\"", sql);
    }

    @Override
    public String runSqlOnSide(List<String> sql) {
        return Shell.heredoc("mysql \"$SIDE_DATABASE\"", sql);
    }

    @Override
    public String runSqlOnRestored(List<String> sql) {
        return Shell.heredoc("mysql --host=\"$RESTORED_HOST\" \"$MYSQL_DATABASE\"", sql);
    }

    @Override
    public String tableArgument(String table) {
        return Shell.quote(table);
    }

    @Override
    public String dumpExtension() {
        return ".sql";
    }

    @Override
    public String describeTable(String table) {
        return "mysql \"$MYSQL_DATABASE\" -e " + Shell.quote("SHOW CREATE TABLE " + table);
    }

    @Override
    public String migrateDatabaseUrl() {
        return "\"mysql://$MIGRATE_DSN\"";
    }

    @Override
    public String falseLiteral() {
        return "0";
    }
}
