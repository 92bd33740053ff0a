package dev.migsafe.tool;

import java.util.List;

/**
 * The migration tool a project uses: its id (what {@code migsafe.yaml} and reports call the format),
 * its name, and its history table with the runbook's queries on it. Each constant answers every
 * abstract method, so a new tool is one constant and the compiler names what it still lacks; the
 * reader of its files is chosen in {@code source.MigrationFormat}.
 */
public enum MigrationTool {
    FLYWAY("flyway", "Flyway", "flyway_schema_history") {
        @Override
        public String whenEdited() {
            return "Flyway validate fails with a checksum mismatch until flyway repair records the new text";
        }

        @Override
        public String whenRemoved() {
            return "Flyway reports it as applied but missing, and validate fails";
        }

        @Override
        public String historyTimeQuery(String table) {
            return "SELECT version, installed_on, execution_time FROM " + table + " ORDER BY installed_rank";
        }

        @Override
        public String lastAppliedQuery(String table) {
            return "SELECT version FROM " + table + " ORDER BY installed_rank DESC LIMIT 1;";
        }
    },
    LIQUIBASE("liquibase", "Liquibase", "databasechangelog") {
        @Override
        public String whenEdited() {
            return "Liquibase stops with a checksum error unless the changeSet has runOnChange or validCheckSum";
        }

        @Override
        public String whenRemoved() {
            return "Liquibase ignores a changeSet that ran and is gone from the changelog: no error, but databases that ran it keep its changes and new databases do not get them";
        }

        @Override
        public boolean missingMigrationIsError() {
            return false;
        }

        @Override
        public String historyTimeQuery(String table) {
            return "SELECT id, author, dateexecuted FROM " + table + " ORDER BY orderexecuted";
        }

        @Override
        public String lastAppliedQuery(String table) {
            return "SELECT id, author FROM " + table + " ORDER BY orderexecuted DESC LIMIT 1;";
        }
    },
    GOLANG_MIGRATE("updown", "golang-migrate", "schema_migrations", "golang-migrate", "up-down") {
        @Override
        public String historyTimeQuery(String table) {
            return null;
        }

        @Override
        public String lastAppliedQuery(String table) {
            return "SELECT version, dirty FROM " + table + ";";
        }
    },
    DBMATE("dbmate", "dbmate", "schema_migrations") {
        @Override
        public String historyTimeQuery(String table) {
            return null;
        }

        @Override
        public String lastAppliedQuery(String table) {
            return "SELECT version FROM " + table + " ORDER BY version DESC LIMIT 1;";
        }
    },
    DIESEL("diesel", "diesel", "__diesel_schema_migrations") {
        @Override
        public String historyTimeQuery(String table) {
            return "SELECT version, run_on FROM " + table + " ORDER BY version";
        }

        @Override
        public String lastAppliedQuery(String table) {
            return "SELECT version FROM " + table + " ORDER BY version DESC LIMIT 1;";
        }
    },
    PLAIN_SQL("sql", "plain SQL files", null) {
        @Override
        public String whenEdited() {
            return "no tool checks plain SQL files: databases that already ran it keep the old version, new ones get the new one";
        }

        @Override
        public String historyTimeQuery(String table) {
            return null;
        }

        @Override
        public String lastAppliedQuery(String table) {
            return null;
        }
    };

    private final String id;
    private final String displayName;
    private final String historyTable;
    private final List<String> aliases;

    MigrationTool(String id, String displayName, String historyTable, String... aliases) {
        this.id = id;
        this.displayName = displayName;
        this.historyTable = historyTable;
        this.aliases = List.of(aliases);
    }

    /** The format id, as {@code migsafe.yaml}, the reports and {@code Migration.format()} spell it. */
    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    /** The tool's own history table (lower case), or null when it keeps none. */
    public String historyTable() {
        return historyTable;
    }

    /** What the tool does with a migration it already ran whose text was edited (HS401); most keep no checksum. */
    public String whenEdited() {
        return displayName + " stores no checksum: databases that already ran it silently keep the old version,"
                + " new ones get the new one";
    }

    /** What happens when a migration it already ran is gone from the newer release (HS401). */
    public String whenRemoved() {
        return "databases that ran it keep its changes, new databases do not get them";
    }

    /** Whether a released migration gone from the newer release is an error; Liquibase ignores it. */
    public boolean missingMigrationIsError() {
        return true;
    }

    /**
     * The query listing when each migration ran, or null when the table records no time.
     *
     * @param table the history table as SQL names it: {@link #historyTable()} or the project's own (Flyway's
     *              {@code table} and {@code defaultSchema})
     */
    public abstract String historyTimeQuery(String table);

    /** The query naming the last migration applied, or null without a history table; {@code table} as above. */
    public abstract String lastAppliedQuery(String table);

    /** The tool of a format id; plain SQL for null or an unknown id (a project read without a tool). */
    public static MigrationTool ofFormat(String format) {
        for (MigrationTool tool : values()) {
            if (tool.id.equals(format)) {
                return tool;
            }
        }
        return PLAIN_SQL;
    }

    /** Whether {@code migsafe.yaml} may name this tool so (lower case): its id or another name. */
    public boolean isNamed(String name) {
        return id.equals(name) || aliases.contains(name);
    }
}
