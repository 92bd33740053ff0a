package dev.migsafe.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.migsafe.BadInputException;
import dev.migsafe.sql.Dialect;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Every scenario against an existing server given by JDBC URL (an embedded PostgreSQL standing in
 * for the user's server), plus the rules for working on someone else's server.
 */
class JdbcUrlVerifierTest extends VerifierScenarios {

    private static EmbeddedPostgres server;

    @BeforeAll
    static void startServer() throws Exception {
        server = EmbeddedPostgres.builder().start();
        try (Connection c = admin(); Statement st = c.createStatement()) {
            // a user who may not create databases, with a database that holds the user's own table
            st.execute("CREATE ROLE app LOGIN PASSWORD 'app-secret'");
            st.execute("CREATE DATABASE appdb OWNER app");
            // the same kind of user with an empty database
            st.execute("CREATE ROLE fresh LOGIN PASSWORD 'fresh-secret'");
            st.execute("CREATE DATABASE freshdb OWNER fresh");
        }
        try (Connection c = DriverManager.getConnection(url("appdb"), "app", "app-secret");
             Statement st = c.createStatement()) {
            st.execute("CREATE TABLE customers (id INT PRIMARY KEY)");
        }
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    private static String url(String database) {
        return "jdbc:postgresql://localhost:" + server.getPort() + "/" + database;
    }

    private static Connection admin() throws SQLException {
        return DriverManager.getConnection(url("postgres"), "postgres", "");
    }

    @Override
    Dialect dialect() {
        return Dialect.POSTGRESQL;
    }

    @Override
    String target() {
        return url("postgres") + "?user=postgres";
    }

    @Test
    void scratchDatabaseIsCreatedAndDroppedAfterwards() throws SQLException {
        Verification v = verify(olderRelease(), List.of());

        assertEquals("jdbc", v.mode());
        assertFalse(v.failed());
        assertEquals(List.of(), names("SELECT datname FROM pg_database WHERE datname LIKE 'migsafe%'", url("postgres"),
                "postgres", ""));
    }

    @Test
    void refusesADatabaseThatHoldsTablesItDidNotCreate() {
        VerifyRequest request = new VerifyRequest(Dialect.POSTGRESQL, olderRelease(), List.of(), url("appdb"),
                VerifySettings.defaults().withJdbcCredentials("app", "app-secret"));

        VerificationUnavailableException e = assertThrows(VerificationUnavailableException.class,
                () -> new Verifier().run(request, ProgressListener.NONE));

        assertTrue(e.getMessage().contains("database 'appdb' already holds tables it did not create (public.customers)"),
                e.getMessage());
        assertTrue(e.getMessage().contains("permission denied to create database"), e.getMessage());
    }

    @Test
    void worksInAScratchSchemaOfAnEmptyDatabaseWhenItMayNotCreateDatabases() throws SQLException {
        VerifyRequest request = new VerifyRequest(Dialect.POSTGRESQL, olderRelease(), List.of(TestMigrations.flyway(
                "4", "rename_name", "ALTER TABLE users RENAME COLUMN name TO full_name;", null)), url("freshdb"),
                VerifySettings.defaults().withJdbcCredentials("fresh", "fresh-secret"));

        Verification v = new Verifier().run(request, ProgressListener.NONE);

        assertEquals(Step.Status.PASSED, step(v, Verifier.APPLY_OLDER).status(), render(v));
        assertEquals(Step.Status.FAILED, step(v, Verifier.CONTRACT).status(), render(v));
        assertEquals(List.of(), names("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'migsafe%'", url("freshdb"),
                "fresh", "fresh-secret"));
        assertEquals(List.of(), names("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
                url("freshdb"), "fresh", "fresh-secret"));
    }

    @Test
    void aUrlOfAnotherDialectIsBadInput() {
        VerifyRequest request = new VerifyRequest(Dialect.MYSQL, List.of(), List.of(), target(), VerifySettings.defaults());

        BadInputException e = assertThrows(BadInputException.class, () -> new Verifier().run(request, ProgressListener.NONE));

        assertTrue(e.getMessage().contains("is a PostgreSQL server but the dialect is mysql"), e.getMessage());
    }

    @Test
    void anUnreachableServerIsUnavailable() {
        VerifyRequest request = new VerifyRequest(Dialect.POSTGRESQL, List.of(), List.of(),
                "jdbc:postgresql://localhost:1/nowhere?password=hunter2", VerifySettings.defaults());

        VerificationUnavailableException e = assertThrows(VerificationUnavailableException.class,
                () -> new Verifier().run(request, ProgressListener.NONE));

        assertTrue(e.getMessage().startsWith("cannot connect to jdbc:postgresql://localhost:1/nowhere?password=***"),
                e.getMessage());
    }

    private static List<String> names(String sql, String url, String user, String password) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, user, password); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
