package dev.migsafe.plan;

import java.util.List;

import dev.migsafe.dialect.Dialect;

/**
 * The command-line client commands of one database family, written against environment variables
 * ({@code $DATABASE_URL}, {@code $SIDE_DATABASE_URL}) so that no credential ever appears in a runbook.
 */
interface DatabaseClient {

    static DatabaseClient of(Dialect dialect) {
        return switch (dialect) {
            case POSTGRESQL -> new PostgresClient();
            case MYSQL -> new MysqlClient();
        };
    }

    /** How to set the variables the commands use, as comments and exports. */
    List<String> connectionSetup(String knownUrl);

    /** A consistent dump of exactly these tables. */
    String backupTables(List<String> tables, String file);

    /** A consistent dump of the whole database. */
    String backupDatabase(String file);

    /** Checks a dump file is readable and holds what it should. */
    String checkBackup(String file);

    /** Loads a dump into the side database (never into production). */
    String restoreToSide(String file);

    /** Runs a migration file in one transaction, stopping at the first error. */
    String runFile(String path);

    /**
     * Runs migration files in order, then the SQL given: in one transaction where the server allows it
     * (PostgreSQL); MySQL commits every DDL statement at once, so there it is file by file.
     */
    String runFiles(List<String> paths, List<String> thenSql);

    /** Runs SQL statements against production. */
    String runSql(List<String> sql);

    /** Runs SQL statements against the side database. */
    String runSqlOnSide(List<String> sql);

    /** Runs SQL statements against the restored (point-in-time) server. */
    String runSqlOnRestored(List<String> sql);

    /** Quotes a table name for the client's table option. */
    String tableArgument(String table);

    /** The file extension of the dumps: {@code .dump} (pg_dump's custom format), {@code .sql}. */
    String dumpExtension();

    /** Shows a table's current definition. */
    String describeTable(String table);

    /** golang-migrate's {@code -database} argument, from environment variables as the other commands. */
    String migrateDatabaseUrl();

    /** How SQL run by these commands writes false into a boolean column (MySQL's booleans are TINYINT(1)). */
    String falseLiteral();
}
