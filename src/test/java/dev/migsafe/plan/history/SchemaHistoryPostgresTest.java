package dev.migsafe.plan.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import dev.migsafe.BadInputException;
import dev.migsafe.cli.Main;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.DirectoryResourceAccessor;
import dev.migsafe.plan.RestoreTarget;
import dev.migsafe.source.Migration;
import dev.migsafe.sql.MigrationScript;
import dev.migsafe.test.SharedPostgres;
import dev.migsafe.test.UsesDatabase;
import dev.migsafe.source.FlywaySettings;
import dev.migsafe.tool.MigrationTool;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The history as migsafe reads it from a real server: a flyway_schema_history made by running Flyway
 * on the shop sample (v1.2.9, then v1.3.0), a DATABASECHANGELOG, golang-migrate's and diesel's
 * tables, all over a session that refuses writes.
 *
 * <p>DATABASECHANGELOG is made by liquibase-core 4.33.0 deploying the accounts-liquibase sample.
 */
@UsesDatabase
class SchemaHistoryPostgresTest {
    private static final String SECRET = "s3cret-p@ss";
    private static EmbeddedPostgres server;

    @BeforeAll
    static void start() throws Exception {
        server = SharedPostgres.server();
        try (Connection c = admin("postgres"); Statement st = c.createStatement()) {
            // an owner role that may write: read-only must come from the session, not from the grants
            st.execute("CREATE ROLE shop_owner LOGIN PASSWORD '" + SECRET + "'");
            st.execute("CREATE DATABASE shop OWNER shop_owner");
            st.execute("CREATE DATABASE lb OWNER shop_owner");
            st.execute("CREATE DATABASE gm OWNER shop_owner");
            st.execute("CREATE DATABASE diesel OWNER shop_owner");
            st.execute("CREATE DATABASE custom OWNER shop_owner");
        }
        Flyway.configure().dataSource(url("shop"), "shop_owner", SECRET)
                .locations("filesystem:sample-migrations/shop/db/migration").target("5").load().migrate();
        Thread.sleep(300);
        Flyway.configure().dataSource(url("shop"), "shop_owner", SECRET)
                .locations("filesystem:sample-migrations/shop/db/migration").target("6").load().migrate();
    }


    static String url(String db) {
        return "jdbc:postgresql://localhost:" + server.getPort() + "/" + db;
    }

    static String historyUrl(String db) {
        return url(db) + "?user=shop_owner&password=" + SECRET.replace("@", "%40");
    }

    private static Connection admin(String db) throws SQLException {
        return DriverManager.getConnection(url(db), "postgres", "");
    }

    private static Connection owner(String db) throws SQLException {
        return DriverManager.getConnection(url(db), "shop_owner", SECRET);
    }

    @Test
    void flywayHistoryUnderTheProjectsOwnTableAndSchema() {
        Flyway.configure().dataSource(url("custom"), "shop_owner", SECRET).schemas("app").table("Deploy_History")
                .locations("filesystem:sample-migrations/shop/db/migration").target("2").load().migrate();
        FlywaySettings project = new FlywaySettings(true, null, java.util.Map.of(), true, false, false, List.of("app"),
                "Deploy_History");
        SchemaHistory history = HistoryReader.read(historyUrl("custom"), MigrationTool.FLYWAY, project);
        assertEquals("app.\"Deploy_History\"", history.table());
        assertEquals(List.of("1", "2"), history.entries().stream().map(HistoryEntry::version).toList());
        // Flyway's defaults do not find it
        BadInputException e = assertThrows(BadInputException.class,
                () -> HistoryReader.read(historyUrl("custom"), MigrationTool.FLYWAY, FlywaySettings.DEFAULTS));
        assertTrue(e.getMessage().contains("looked for flyway_schema_history"), e.getMessage());
    }

    @Test
    void flywayTargetIsJustBeforeTheFirstMigrationOfTheRange() throws Exception {
        SchemaHistory history = HistoryReader.read(historyUrl("shop"), MigrationTool.FLYWAY);
        assertEquals(MigrationTool.FLYWAY, history.tool());
        assertEquals("flyway_schema_history", history.table());
        assertTrue(history.readOnly());
        assertEquals(List.of("1", "2", "3", "4", "5", "6"), history.entries().stream().map(HistoryEntry::version).toList());

        Timestamp installedOn;
        long executionTime;
        try (Connection c = owner("shop"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT installed_on, execution_time FROM flyway_schema_history WHERE version = '6'")) {
            assertTrue(rs.next());
            installedOn = rs.getTimestamp(1);
            executionTime = rs.getLong(2);
        }
        RestoreTarget target = RestoreTarget.from(history, List.of(flyway("6")));
        assertEquals(installedOn.toInstant().minusMillis(executionTime), target.time());
        assertEquals(List.of("6"), target.ran());
        assertEquals(List.of(), target.notRun());
        // the target lies after v1.2.9's last migration and before v1.3.0's
        Instant five = history.entries().get(4).executedAt();
        assertTrue(target.time().isAfter(five), target.time() + " should be after " + five);
    }

    @Test
    void aRangeThatHasNotRunHasNoTarget() {
        SchemaHistory history = HistoryReader.read(historyUrl("shop"), MigrationTool.FLYWAY);
        RestoreTarget target = RestoreTarget.from(history, List.of(flyway("7"), flyway("8")));
        assertNull(target.time());
        assertEquals(List.of("7", "8"), target.notRun());
        assertTrue(target.notes().get(0).contains("has not run on this database"), target.notes().toString());
    }

    @Test
    void thePlannersSessionRefusesWrites() throws Exception {
        try (ReadOnlySession session = ReadOnlySession.open(historyUrl("shop"))) {
            assertTrue(session.isReadOnly());
            try (Statement st = session.connection().createStatement()) {
                SQLException refused = assertThrows(SQLException.class,
                        () -> st.executeUpdate("DELETE FROM flyway_schema_history WHERE version = '6'"));
                assertEquals("25006", refused.getSQLState(), refused.getMessage()); // read_only_sql_transaction
            }
            session.connection().rollback();
            try (Statement st = session.connection().createStatement()) {
                SQLException refused = assertThrows(SQLException.class, () -> st.execute("CREATE TABLE planner_was_here (id int)"));
                assertEquals("25006", refused.getSQLState());
            }
        }
        try (Connection c = owner("shop"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM flyway_schema_history")) {
            rs.next();
            assertEquals(6, rs.getInt(1), "the history must be untouched");
        }
    }

    @Test
    void aWrongPasswordIsNeverPrinted() {
        // the embedded server trusts local logins, so an unknown role makes the connection fail
        String wrong = url("shop") + "?user=nobody&password=not-the-" + "hunter2";
        BadInputException e = assertThrows(BadInputException.class, () -> HistoryReader.read(wrong, MigrationTool.FLYWAY));
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
        assertTrue(e.getMessage().contains("password=****"), e.getMessage());
    }

    @Test
    void liquibaseDateExecutedGivesTheTarget() throws Exception {
        // the accounts sample deployed by liquibase-core itself: v1.1 (tagged), then v1.2
        try (Connection c = owner("lb")) {
            Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
            Liquibase liquibase = new Liquibase("db/changelog/db.changelog-master.yaml",
                    new DirectoryResourceAccessor(Path.of("sample-migrations/accounts-liquibase")), database);
            liquibase.update(2, "");
            liquibase.tag("v1.1");
            Thread.sleep(300);
            liquibase.update("");
        }
        Timestamp executed;
        try (Connection c = owner("lb"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT dateexecuted FROM databasechangelog WHERE id = '003-drop-display-name'")) {
            assertTrue(rs.next());
            executed = rs.getTimestamp(1);
        }
        SchemaHistory history = HistoryReader.read(historyUrl("lb"), MigrationTool.LIQUIBASE);
        assertEquals(MigrationTool.LIQUIBASE, history.tool());
        assertEquals(3, history.entries().size());
        assertEquals("v1.1", history.entries().get(1).tag());

        // through the command line, with the changeSets read from the sample by the Liquibase reader
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out), new PrintWriter(err), "plan", "v1.2", "v1.1", "--project",
                "sample-migrations/accounts-liquibase", "--history-url", historyUrl("lb"));
        String md = out.toString();
        assertEquals(1, code, err.toString());
        assertTrue(md.contains("- Restore target: " + RestoreTarget.postgresTime(executed.toInstant())), md);
        assertTrue(md.contains("- Range migrations run: changes/003-drop-display-name.yaml::003-drop-display-name::team"), md);
        assertTrue(md.contains("Preview the SQL Liquibase will run (the database is tagged v1.1)"), md);
        assertFalse(md.contains(SECRET) || err.toString().contains(SECRET));
    }

    @Test
    void golangMigrateKeepsNoTimeAndSaysSo() throws Exception {
        try (Connection c = owner("gm"); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE schema_migrations (version bigint NOT NULL PRIMARY KEY, dirty boolean NOT NULL)");
            st.execute("INSERT INTO schema_migrations VALUES (4, false)");
        }
        SchemaHistory history = HistoryReader.read(historyUrl("gm"), MigrationTool.GOLANG_MIGRATE);
        assertFalse(history.hasTimes());
        RestoreTarget target = RestoreTarget.from(history, List.of(updown("3"), updown("4")));
        assertNull(target.time());
        assertEquals(List.of("3", "4"), target.ran());
        assertTrue(target.notes().get(0).contains("keeps no execution time"), target.notes().toString());
    }

    @Test
    void dieselRunOnGivesTheTarget() throws Exception {
        Instant ran = Instant.parse("2026-05-05T12:00:00Z");
        try (Connection c = owner("diesel"); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE __diesel_schema_migrations (version VARCHAR(50) PRIMARY KEY NOT NULL,"
                    + " run_on TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP)");
            st.execute("INSERT INTO __diesel_schema_migrations VALUES ('20260101000000', '" + Timestamp.from(ran.minusSeconds(9000)) + "')");
            st.execute("INSERT INTO __diesel_schema_migrations VALUES ('20260505120000', '" + Timestamp.from(ran) + "')");
        }
        SchemaHistory history = HistoryReader.read(historyUrl("diesel"), MigrationTool.DIESEL);
        Migration m = new Migration("2026-05-05-120000", MigrationVersion.fromVersion("20260505120000"), "add",
                Migration.Kind.VERSIONED, MigrationTool.DIESEL, new MigrationScript("migrations/2026-05-05-120000_add/up.sql", ""),
                new MigrationScript("migrations/2026-05-05-120000_add/down.sql", ""));
        assertEquals(ran, RestoreTarget.from(history, List.of(m)).time());
    }

    static Migration flyway(String version) {
        return new Migration(version, MigrationVersion.fromVersion(version), "m", Migration.Kind.VERSIONED, MigrationTool.FLYWAY,
                new MigrationScript("db/migration/V" + version + "__m.sql", ""), null);
    }

    static Migration updown(String version) {
        return new Migration(version, MigrationVersion.fromVersion(version), "m", Migration.Kind.VERSIONED, MigrationTool.GOLANG_MIGRATE,
                new MigrationScript("migrations/00000" + version + "_m.up.sql", ""), null);
    }

    @Test
    void sessionIsCheckedNotAssumed() throws Exception {
        try (ReadOnlySession session = ReadOnlySession.open(historyUrl("shop"))) {
            assertNotNull(session.connection());
            // two locks: the driver starts every transaction READ ONLY, and the session default is read-only
            try (Statement st = session.connection().createStatement()) {
                st.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE");
            }
            session.connection().commit();
            assertTrue(session.isReadOnly(), "the driver-level lock must still hold");
            session.connection().commit();
            session.connection().setReadOnly(false);
            try (Statement st = session.connection().createStatement()) {
                st.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE");
            }
            session.connection().commit();
            // a session someone turned writable is caught before reading
            assertFalse(session.isReadOnly());
            assertThrows(BadInputException.class, () -> HistoryReader.read(session, MigrationTool.FLYWAY));
        }
    }
}
