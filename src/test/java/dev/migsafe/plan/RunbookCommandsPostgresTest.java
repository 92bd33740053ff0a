package dev.migsafe.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migsafe.cli.Main;
import dev.migsafe.test.UsesDatabase;

/**
 * Runs every PostgreSQL command the shop's v1.3.0 -> v1.2.9 runbook prints, on a real server with
 * WAL archiving: the before-deploy restore point, the point-in-time restore to the target read from
 * flyway_schema_history (with the rows written since copied back through the rename), the down
 * migrations on production, and the roll-forward migration. Skipped, with the reason, where the
 * PostgreSQL server and client binaries are not installed.
 */
@UsesDatabase
class RunbookCommandsPostgresTest {
    private static final String PASSWORD = "planner-pw-7781";
    /** Commands of the runbook that are not PostgreSQL's: the application's and paid Flyway's. */
    private static final List<String> NOT_POSTGRES = List.of("flyway ", "curl ", "kubectl ", "liquibase ");

    @TempDir
    Path tmp;

    private LocalPostgres pg;
    private final List<String> ran = new ArrayList<>();

    @Test
    void everyPostgresCommandOfTheShopRunbookWorks() throws Exception {
        Optional<LocalPostgres> found = LocalPostgres.find();
        Assumptions.assumeTrue(found.isPresent(), "PostgreSQL server binaries matching pg_dump are not installed");
        pg = found.get();
        // JUnit's temporary directory is private to its owner; the postgres user must pass through it
        Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Path work = Files.createDirectories(tmp.resolve("work"));
        Path shop = work.resolve("shop");
        copy(Path.of("sample-migrations/shop"), shop);
        Path data = work.resolve("data");
        Path archive = Files.createDirectories(work.resolve("archive"));
        LocalPostgres.share(work);
        int port = freePort();
        int restorePort = freePort();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("DATABASE_URL", "postgresql://postgres@localhost:" + port + "/shop");
        env.put("SIDE_DATABASE_URL", "postgresql://postgres@localhost:" + port + "/side");
        env.put("PGDATA_NEW", work.resolve("restored").toString());
        env.put("RESTORE_PORT", String.valueOf(restorePort));
        env.put("BASE_BACKUP", work.resolve("base").toString());
        env.put("WAL_ARCHIVE", archive.toString());
        env.put("RESTORED_DATABASE_URL", "postgresql://postgres@localhost:" + restorePort + "/shop");
        env.put("FIX_MIGRATION", shop.resolve("V9__restore_compatibility.sql").toString());
        try {
            run("initdb --pgdata=" + data + " --auth=trust --username=postgres --no-sync >/dev/null\n"
                    + "cat >> " + data + "/postgresql.conf <<CONF\n"
                    + "wal_level = replica\narchive_mode = on\narchive_command = 'cp %p " + archive + "/%f'\n"
                    + "unix_socket_directories = '" + work + "'\nlisten_addresses = 'localhost'\nfsync = off\nCONF\n"
                    + "pg_ctl --pgdata=" + data + " --log=" + work + "/server.log --options='-p " + port + "' --wait start >/dev/null",
                    env, work);
            sql(port, "postgres", "CREATE DATABASE shop", "CREATE ROLE planner LOGIN PASSWORD '" + PASSWORD + "' SUPERUSER");
            run("pg_basebackup --dbname=\"postgresql://postgres@localhost:" + port + "/postgres\" --pgdata=\"$BASE_BACKUP\""
                    + " --format=plain --wal-method=stream --checkpoint=fast", env, work);

            // v1.2.9 in production, with its customers
            flyway(port, "5");
            sql(port, "shop", "INSERT INTO customers (email, name) VALUES ('ada@example.com', 'Ada'), ('bob@example.com', 'Bob')",
                    "INSERT INTO products (sku, title, price_cents) VALUES ('P1', 'Pen', 150)",
                    "INSERT INTO orders (customer_id, total_cents) VALUES (1, 150)");

            // before the deploy of v1.3.0: what the runbook says to do
            String before = cli(shop, "plan", "v1.3.0", "v1.2.9", "--project", shop.toString(), "--before-deploy");
            runSection(before, "Before the deploy of v1.3.0", env, shop);
            Thread.sleep(1100);

            // the deploy, and customers written afterwards under the new column name
            flyway(port, "6");
            sql(port, "shop", "INSERT INTO customers (email, full_name) VALUES ('cy@example.com', 'Cy'), ('di@example.com', 'Di')",
                    "INSERT INTO orders (customer_id, total_cents) VALUES (3, 990)");
            sql(port, "postgres", "SELECT pg_switch_wal()");

            // the incident: plan with the history read from production
            String historyUrl = "jdbc:postgresql://localhost:" + port + "/shop?user=planner&password=" + PASSWORD;
            StringWriter err = new StringWriter();
            String runbook = cli(shop, err, "plan", "v1.3.0", "v1.2.9", "--project", shop.toString(), "--history-url", historyUrl);
            assertFalse(runbook.contains(PASSWORD) || err.toString().contains(PASSWORD), "the password must never be printed");
            assertTrue(err.toString().contains("password=****"), err.toString());
            Timestamp target = targetFromHistory(port);
            String expected = RestoreTarget.postgresTime(target.toInstant());
            assertTrue(runbook.contains("- Restore target: " + expected), runbook);
            assertTrue(runbook.contains("recovery_target_time = '" + expected + "'"), runbook);
            assertTrue(runbook.contains("read over a session verified read-only: yes"), runbook);
            assertTrue(runbook.contains("Range migrations run: 6"), runbook);

            // way 1: point-in-time restore beside production, then the rows written since copied back
            sql(port, "postgres", "CREATE DATABASE side");
            List<LocalPostgres.Shell.Result> restore = runSection(runbook, "3. restore", env, shop);
            String check = restore.stream().map(LocalPostgres.Shell.Result::output).filter(o -> o.contains("in_recovery"))
                    .findFirst().orElseThrow();
            assertTrue(check.matches("(?s).*\\bt\\s*\\|\\s*t\\b.*"), "paused in recovery: " + check);
            assertTrue(check.matches("(?s).*version\\s*-+\\s*5\\s.*"), "history ends at v1.2.9's 5: " + check);
            assertEquals(List.of("1 ada@example.com Ada", "2 bob@example.com Bob", "3 cy@example.com Cy", "4 di@example.com Di"),
                    rows(restorePort, "SELECT id, email, name FROM customers ORDER BY id"));
            assertEquals(List.of("1 1 150", "2 3 990"), rows(restorePort, "SELECT id, customer_id, total_cents FROM orders ORDER BY id"));
            assertEquals(List.of("5"), rows(restorePort, "SELECT max(version::int) FROM flyway_schema_history"));
            sql(restorePort, "shop", "INSERT INTO customers (email, name) VALUES ('eve@example.com', 'Eve')"); // sequence moved on

            // way 2: the down migrations on production (the side database must be empty again)
            sql(port, "postgres", "DROP DATABASE side", "CREATE DATABASE side");
            runSection(runbook, "2. down-migrations", env, shop);
            assertEquals(List.of("Ada", "Bob", "Cy", "Di"), rows(port, "SELECT name FROM customers ORDER BY id"));
            assertEquals(List.of("5"), rows(port, "SELECT max(version::int) FROM flyway_schema_history"));
            assertTrue(Files.size(shop.resolve("migsafe-before-down-v1.3.0.dump")) > 0);

            // way 3: the roll-forward migration, applied to a copy of the v1.3.0 database
            sql(port, "postgres", "CREATE DATABASE fix_check TEMPLATE template0");
            run("pg_restore --no-owner --dbname=postgresql://postgres@localhost:" + port + "/fix_check migsafe-pre-rollback-v1.3.0.dump",
                    env, shop);
            runSection(runbook, "4. roll-forward", env, shop);
            run("psql postgresql://postgres@localhost:" + port + "/fix_check -v ON_ERROR_STOP=1 --file=\"$FIX_MIGRATION\"", env, shop);
            assertEquals(List.of("Ada Ada", "Bob Bob", "Cy Cy", "Di Di"),
                    rows(port, "fix_check", "SELECT name, full_name FROM customers ORDER BY id"));

            assertFalse(ran.isEmpty());
            ran.forEach(c -> assertFalse(c.contains("YYYY"), "a placeholder reached a command: " + c));
        } finally {
            for (Path dir : List.of(work.resolve("restored"), data)) {
                if (Files.exists(dir.resolve("postmaster.pid"))) {
                    pg.bash("pg_ctl --pgdata=" + dir + " --mode=immediate stop >/dev/null", env, work);
                }
            }
        }
    }

    /** Runs every shell block of a runbook section, in order; the non-PostgreSQL ones are skipped with a note. */
    private List<LocalPostgres.Shell.Result> runSection(String runbook, String heading, Map<String, String> env, Path cwd)
            throws IOException {
        List<String> blocks = blocks(runbook, heading);
        assertFalse(blocks.isEmpty(), "no commands under " + heading);
        List<LocalPostgres.Shell.Result> results = new ArrayList<>();
        for (String block : blocks) {
            if (NOT_POSTGRES.stream().anyMatch(block::startsWith)) {
                System.err.println("skipped (not a PostgreSQL command, tool not used here): " + block.lines().findFirst().orElse(""));
                continue;
            }
            results.add(run(block, env, cwd));
        }
        return results;
    }

    private LocalPostgres.Shell.Result run(String script, Map<String, String> env, Path cwd) throws IOException {
        ran.add(script);
        return pg.bash(script, env, cwd).check();
    }

    /** The ```sh blocks under a "## heading" of the Markdown runbook, as printed. */
    static List<String> blocks(String markdown, String heading) {
        List<String> out = new ArrayList<>();
        boolean inSection = false;
        StringBuilder block = null;
        for (String line : markdown.split("\n", -1)) {
            if (line.startsWith("## ")) {
                inSection = line.substring(3).startsWith(heading);
                continue;
            }
            if (!inSection) {
                continue;
            }
            String code = line.startsWith("  ") ? line.substring(2) : line;
            if (block == null && code.equals("```sh")) {
                block = new StringBuilder();
            } else if (block != null && code.equals("```")) {
                out.add(block.toString().stripTrailing());
                block = null;
            } else if (block != null) {
                block.append(code).append('\n');
            }
        }
        return out;
    }

    private String cli(Path cwd, String... args) {
        return cli(cwd, new StringWriter(), args);
    }

    private String cli(Path cwd, StringWriter err, String... args) {
        StringWriter out = new StringWriter();
        int code = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
        assertTrue(code == 0 || code == 1, "exit " + code + ": " + err);
        return out.toString();
    }

    private static void flyway(int port, String target) {
        Flyway.configure().dataSource("jdbc:postgresql://localhost:" + port + "/shop", "postgres", "")
                .locations("filesystem:sample-migrations/shop/db/migration").target(target).load().migrate();
    }

    private static Timestamp targetFromHistory(int port) throws SQLException {
        try (Connection c = connect(port, "shop"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT installed_on - execution_time * interval '1 millisecond'"
                     + " FROM flyway_schema_history WHERE version = '6'")) {
            rs.next();
            return rs.getTimestamp(1);
        }
    }

    private static Connection connect(int port, String db) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/" + db, "postgres", "");
    }

    private static void sql(int port, String db, String... statements) throws SQLException {
        try (Connection c = connect(port, db); Statement st = c.createStatement()) {
            for (String s : statements) {
                st.execute(s);
            }
        }
    }

    private static List<String> rows(int port, String query) throws SQLException {
        return rows(port, "shop", query);
    }

    private static List<String> rows(int port, String db, String query) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = connect(port, db); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> cells = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    cells.add(rs.getString(i));
                }
                out.add(String.join(" ", cells));
            }
        }
        return out;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
