package dev.migsafe.plan;

import java.util.List;

import dev.migsafe.source.Migration;

/** The migration tool a project uses, from the format its migrations were read in; it shapes the commands. */
public enum MigrationTool {
    FLYWAY("Flyway", "flyway_schema_history"),
    LIQUIBASE("Liquibase", "databasechangelog"),
    GOLANG_MIGRATE("golang-migrate", "schema_migrations"),
    DBMATE("dbmate", "schema_migrations"),
    DIESEL("diesel", "__diesel_schema_migrations"),
    PLAIN_SQL("plain SQL files", null);

    private final String displayName;
    private final String historyTable;

    MigrationTool(String displayName, String historyTable) {
        this.displayName = displayName;
        this.historyTable = historyTable;
    }

    public String displayName() {
        return displayName;
    }

    /** The tool's own history table (lower case), or null when it keeps none. */
    public String historyTable() {
        return historyTable;
    }

    /** The tool of the first migration's format (a project uses one tool); plain SQL when unknown. */
    public static MigrationTool of(List<Migration> migrations) {
        return migrations.isEmpty() ? PLAIN_SQL : ofFormat(migrations.get(0).format());
    }

    public static MigrationTool ofFormat(String format) {
        return switch (format == null ? "" : format) {
            case "flyway" -> FLYWAY;
            case "liquibase" -> LIQUIBASE;
            case "updown" -> GOLANG_MIGRATE;
            case "dbmate" -> DBMATE;
            case "diesel" -> DIESEL;
            default -> PLAIN_SQL;
        };
    }
}
