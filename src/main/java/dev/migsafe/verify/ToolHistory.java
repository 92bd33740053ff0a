package dev.migsafe.verify;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;

import dev.migsafe.source.Migration;

/**
 * The history table each tool that runs plain SQL files keeps, created and written as the tool does,
 * so that migrations touching it run as in production (Harbor's
 * {@code ALTER TABLE schema_migrations ADD COLUMN data_version int} needs golang-migrate's table).
 * Flyway and Liquibase keep theirs themselves. Behaviour copied from golang-migrate v4.17
 * (one row: the current version and a dirty flag set while a migration runs), dbmate v2.12 (one row
 * per applied version) and diesel 2.1 (one row per applied version with its time).
 */
enum ToolHistory {
    /** golang-migrate: {@code schema_migrations(version bigint, dirty boolean)}, one row. */
    GOLANG_MIGRATE("schema_migrations", "CREATE TABLE IF NOT EXISTS schema_migrations"
            + " (version bigint NOT NULL PRIMARY KEY, dirty boolean NOT NULL)"),
    /** dbmate: {@code schema_migrations(version varchar(128))}, a row per applied migration. */
    DBMATE("schema_migrations", "CREATE TABLE IF NOT EXISTS schema_migrations (version varchar(128) PRIMARY KEY)"),
    /** diesel: {@code __diesel_schema_migrations(version, run_on)}, a row per applied migration. */
    DIESEL("__diesel_schema_migrations", "CREATE TABLE IF NOT EXISTS __diesel_schema_migrations"
            + " (version varchar(50) PRIMARY KEY NOT NULL, run_on timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP)"),
    /** Plain SQL files: no tool, no table. */
    NONE(null, null);

    /** The tools' tables: bookkeeping, not the application's schema (left out of snapshots and seeding). */
    static final Set<String> TABLES = Set.of("schema_migrations", "__diesel_schema_migrations");

    private final String table;
    private final String create;

    ToolHistory(String table, String create) {
        this.table = table;
        this.create = create;
    }

    static ToolHistory of(Migration m) {
        return switch (m.tool()) {
            case GOLANG_MIGRATE -> GOLANG_MIGRATE;
            case DBMATE -> DBMATE;
            case DIESEL -> DIESEL;
            case FLYWAY, LIQUIBASE, PLAIN_SQL -> NONE; // Flyway and Liquibase are run themselves, and keep theirs
        };
    }

    /** Before the up runs: the table exists, and golang-migrate marks the version dirty. */
    void beforeUp(Connection c, Migration m) throws SQLException {
        if (this == NONE) {
            return;
        }
        try (Statement st = c.createStatement()) {
            st.execute(create);
        }
        if (this == GOLANG_MIGRATE) {
            setVersion(c, m, true);
        }
    }

    /** After the up ran. */
    void afterUp(Connection c, Migration m) throws SQLException {
        if (this == GOLANG_MIGRATE) {
            setVersion(c, m, false);
        } else if (this != NONE) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (version) VALUES (?)")) {
                ps.setString(1, m.id());
                ps.executeUpdate();
            }
        }
    }

    /** After the down ran: the version is no longer applied ({@code previous}: golang-migrate's new current one, or null). */
    void afterDown(Connection c, Migration m, Migration previous) throws SQLException {
        if (this == NONE) {
            return;
        }
        if (this == GOLANG_MIGRATE) {
            if (previous != null && of(previous) == GOLANG_MIGRATE) {
                setVersion(c, previous, false);
            } else {
                try (Statement st = c.createStatement()) {
                    st.execute("DELETE FROM schema_migrations");
                }
            }
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE version = ?")) {
            ps.setString(1, m.id());
            ps.executeUpdate();
        }
    }

    private static void setVersion(Connection c, Migration m, boolean dirty) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("DELETE FROM schema_migrations");
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO schema_migrations (version, dirty) VALUES (?, ?)")) {
            ps.setLong(1, numericVersion(m));
            ps.setBoolean(2, dirty);
            ps.executeUpdate();
        }
    }

    /** golang-migrate's version: the file name's leading number ({@code 0030_2.0.0_schema} is 30). */
    static long numericVersion(Migration m) {
        String digits = m.id().replaceFirst("^(\\d+).*$", "$1");
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
