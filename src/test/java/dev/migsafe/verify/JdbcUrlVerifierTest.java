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
import java.util.Map;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migsafe.BadInputException;
import dev.migsafe.dialect.Dialect;
import dev.migsafe.test.SharedPostgres;
import dev.migsafe.test.UsesDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Every scenario against an existing server given by JDBC URL (an embedded PostgreSQL standing in
 * for the user's server), plus the rules for working on someone else's server.
 */
@UsesDatabase
class JdbcUrlVerifierTest extends VerifierScenarios {

    private static EmbeddedPostgres server;

    @BeforeAll
    static void startServer() throws Exception {
        server = SharedPostgres.server();
        try (Connection c = admin(); Statement st = c.createStatement()) {
            // a user who may not create databases, with a database that holds the user's own table
            st.execute("CREATE ROLE app LOGIN PASSWORD 'app-secret'");
            st.execute("CREATE DATABASE appdb OWNER app");
            // the same kind of user with an empty database
            st.execute("CREATE ROLE fresh LOGIN PASSWORD 'fresh-secret'");
            st.execute("CREATE DATABASE freshdb OWNER fresh");
        }
        try (Connection c = admin(); Statement st = c.createStatement()) {
            // a user who may create schemas in a database whose only table is in a schema it cannot see
            st.execute("CREATE ROLE blind LOGIN PASSWORD 'blind-secret'");
            st.execute("CREATE DATABASE blinddb");
            st.execute("GRANT CREATE ON DATABASE blinddb TO blind");
        }
        try (Connection c = DriverManager.getConnection(url("blinddb"), "postgres", "");
             Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA hidden");
            st.execute("CREATE TABLE hidden.payroll (id INT PRIMARY KEY)");
        }
        try (Connection c = DriverManager.getConnection(url("appdb"), "app", "app-secret");
             Statement st = c.createStatement()) {
            st.execute("CREATE TABLE customers (id INT PRIMARY KEY)");
        }
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
    void tablesTheUserCannotSeeStillMakeTheDatabaseNotEmpty() {
        VerifyRequest request = new VerifyRequest(Dialect.POSTGRESQL, olderRelease(), List.of(), url("blinddb"),
                VerifySettings.defaults().withJdbcCredentials("blind", "blind-secret"));

        VerificationUnavailableException e = assertThrows(VerificationUnavailableException.class,
                () -> new Verifier().run(request, ProgressListener.NONE));

        assertTrue(e.getMessage().contains("already holds tables it did not create (hidden.payroll)"), e.getMessage());
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
                "jdbc:postgresql://u:hunter1@localhost:1/nowhere?password=hunter2&sslpassword=hunter3", VerifySettings.defaults());

        VerificationUnavailableException e = assertThrows(VerificationUnavailableException.class,
                () -> new Verifier().run(request, ProgressListener.NONE));

        assertTrue(e.getMessage().startsWith(
                "cannot connect to jdbc:postgresql://u:****@localhost:1/nowhere?password=****&sslpassword=****"), e.getMessage());
        assertFalse(e.getMessage().contains("hunter"), e.getMessage());
    }

    @Test
    void theOlderReleasesTestOutputNeverShowsThePasswordOrSecretEnvironmentValues(@TempDir Path olderCheckout)
            throws IOException {
        // a test suite that prints its environment, as failing builds often do
        Files.writeString(olderCheckout.resolve("run-tests.sh"),
                "echo \"url=$SPRING_DATASOURCE_URL password=$SPRING_DATASOURCE_PASSWORD db=$DATABASE_URL\"\n"
                        + "echo \"token=ci-token-0123456789\"\nexit 1\n");
        VerifyRequest request = new VerifyRequest(Dialect.POSTGRESQL, olderRelease(), List.of(), url("freshdb"),
                VerifySettings.defaults().withJdbcCredentials("fresh", "fresh-secret")
                        .withOldTests("sh run-tests.sh", olderCheckout, null, List.of()));
        List<String> shown = new ArrayList<>();

        Verification v = new Verifier().run(request, new ProgressListener() {
            @Override
            public void stepStarted(String name) {
            }

            @Override
            public void stepFinished(Step step) {
                shown.add(step.details() + step.failures());
            }

            @Override
            public void message(String text) {
                shown.add(text);
            }
        }, Map.of("CI_JOB_TOKEN", "ci-token-0123456789"));

        String tests = String.join("\n", step(v, Verifier.OLD_TESTS).failures());
        assertTrue(tests.contains("password=****"), tests);
        assertTrue(tests.contains("token=****"), tests);
        String everything = render(v) + shown;
        assertFalse(everything.contains("fresh-secret"), everything);
        assertFalse(everything.contains("ci-token-0123456789"), everything);
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
