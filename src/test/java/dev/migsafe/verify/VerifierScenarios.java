package dev.migsafe.verify;

import static dev.migsafe.verify.TestMigrations.flyway;
import static dev.migsafe.verify.TestMigrations.updown;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.migsafe.dialect.Dialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migsafe.source.Migration;

/**
 * The behaviour every provider must show, on a small shop schema: users, orders with an enum status
 * and a foreign key, categories referencing themselves. Subclasses choose the database.
 */
abstract class VerifierScenarios {

    abstract Dialect dialect();

    /** The --verify target. */
    abstract String target();

    VerifySettings settings() {
        return VerifySettings.defaults();
    }

    final boolean postgres() {
        return dialect() == Dialect.POSTGRESQL;
    }

    Verification verify(List<Migration> older, List<Migration> range, VerifySettings settings) {
        List<String> shown = new ArrayList<>();
        ProgressListener recording = new ProgressListener() {
            @Override
            public void stepStarted(String name) {
                shown.add("start " + name);
            }

            @Override
            public void stepFinished(Step step) {
                shown.add("end " + step.name());
            }

            @Override
            public void message(String text) {
            }
        };
        Verification v = new Verifier().run(new VerifyRequest(dialect(), older, range, target(), settings), recording);
        assertEquals(v.steps().size() * 2, shown.size(), "every step is started and finished: " + shown);
        return v;
    }

    Verification verify(List<Migration> older, List<Migration> range) {
        return verify(older, range, settings());
    }

    List<Migration> olderRelease() {
        String orders = postgres()
                ? "CREATE TYPE order_status AS ENUM ('new', 'paid', 'shipped');\n"
                + "CREATE TABLE orders (id SERIAL PRIMARY KEY, user_id INT NOT NULL REFERENCES users (id),\n"
                + "  status order_status NOT NULL DEFAULT 'new', total NUMERIC(10,2) NOT NULL, code VARCHAR(8) NOT NULL UNIQUE,\n"
                + "  placed_at TIMESTAMP NOT NULL, paid BOOLEAN NOT NULL);"
                : "CREATE TABLE orders (id INT AUTO_INCREMENT PRIMARY KEY, user_id INT NOT NULL,\n"
                + "  status ENUM('new', 'paid', 'shipped') NOT NULL DEFAULT 'new', total DECIMAL(10,2) NOT NULL,\n"
                + "  code VARCHAR(8) NOT NULL UNIQUE, placed_at DATETIME NOT NULL, paid BOOLEAN NOT NULL,\n"
                + "  CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id));";
        return List.of(
                flyway("1", "users", "CREATE TABLE users (id INT PRIMARY KEY, name VARCHAR(100) NOT NULL,\n"
                        + "  email VARCHAR(200) UNIQUE);", null),
                flyway("2", "orders", orders, null),
                flyway("3", "categories", "CREATE TABLE categories (id INT PRIMARY KEY, label VARCHAR(40) NOT NULL,\n"
                        + "  parent_id INT NULL, CONSTRAINT categories_parent_fk FOREIGN KEY (parent_id) REFERENCES categories (id));",
                        null));
    }

    private String dropIndex(String index, String table) {
        return postgres() ? "DROP INDEX " + index : "DROP INDEX " + index + " ON " + table;
    }

    @Test
    void renamedColumnBreaksTheOlderReleaseAndIsTracedToItsMigration() {
        Verification v = verify(olderRelease(), List.of(flyway("4", "rename_name",
                "ALTER TABLE users RENAME COLUMN name TO full_name;",
                "ALTER TABLE users RENAME COLUMN full_name TO name;")));

        Step contract = step(v, Verifier.CONTRACT);
        assertEquals(Step.Status.FAILED, contract.status(), contract.details());
        String failures = String.join("\n", contract.failures());
        assertTrue(failures.contains("users.name: SELECT fails"), failures);
        assertTrue(failures.contains("migration 4 (db/migration/V4__rename_name.sql line 1: ALTER TABLE users RENAME COLUMN"),
                failures);
        assertTrue(failures.contains("INSERT fails"), failures);
        assertEquals(Step.Status.PASSED, step(v, Verifier.APPLY_RANGE).status());
        assertEquals(Step.Status.PASSED, step(v, Verifier.REHEARSAL).status(), step(v, Verifier.REHEARSAL).failures().toString());
        assertTrue(v.failed());
    }

    /**
     * A Liquibase changelog applied by liquibase-core: sqlFile and loadData read their files when they
     * run, a changeSet for another dbms is skipped, DATABASECHANGELOG is not part of the schema, and
     * the rehearsal rolls back with Liquibase's own inverses.
     */
    @Test
    void liquibaseChangelogIsAppliedAndRolledBackByLiquibase(@TempDir Path dir) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("changelog.yaml", "databaseChangeLog:\n"
                + changeSet("1", "        - createTable:\n            tableName: customers\n            columns:\n"
                + "              - column: {name: id, type: INT, constraints: {primaryKey: true}}\n"
                + "              - column: {name: name, type: VARCHAR(100)}\n"
                + "              - column: {name: email, type: VARCHAR(200)}\n")
                + changeSet("2", "        - loadData:\n            tableName: customers\n            file: customers.csv\n"
                + "            relativeToChangelogFile: true\n")
                + changeSet("3", "        - sqlFile:\n            path: sql/notes.sql\n            relativeToChangelogFile: true\n"
                + "      rollback:\n        - dropTable: {tableName: notes}\n")
                + "  - changeSet:\n      id: h2-only\n      author: dev\n      dbms: h2\n      changes:\n"
                + "        - createTable: {tableName: h2_only, columns: [{column: {name: id, type: INT}}]}\n"
                + "  - changeSet:\n      id: mysql-only\n      author: dev\n      dbms: mysql\n      changes:\n"
                + "        - createTable: {tableName: mysql_only, columns: [{column: {name: id, type: INT}}]}\n"
                + changeSet("4", "        - renameColumn: {tableName: customers, oldColumnName: name,"
                + " newColumnName: full_name, columnDataType: VARCHAR(100)}\n")
                + changeSet("5", "        - addColumn: {tableName: customers, columns: [{column: {name: phone, type: VARCHAR(20)}}]}\n"));
        files.put("customers.csv", "id,name,email\n1,Ada,ada@example.com\n2,Bob,\n");
        files.put("sql/notes.sql", "CREATE TABLE notes (id INT PRIMARY KEY, customer_id INT NOT NULL REFERENCES customers (id),"
                + " body VARCHAR(500));\n");
        List<Migration> all = TestMigrations.liquibase(dir, files);
        assertEquals(7, all.size());

        Verification v = verify(all.subList(0, 5), all.subList(5, 7));

        Step older = step(v, Verifier.APPLY_OLDER);
        assertEquals(Step.Status.PASSED, older.status(), older.failures().toString());
        // the h2-only changeSet is skipped by Liquibase and by the analysis alike: nothing to say; the
        // mysql-only one is analysed for the mysql dialect, which MariaDB does not run: said
        if (v.database().startsWith("MariaDB")) {
            assertTrue(older.details().contains("with Liquibase; Liquibase skipped 1 changeSet(s) for another database:"
                    + " changelog.yaml::mysql-only::dev (dbms mysql, not mariadb); schema has 2 table(s)"), older.details());
        } else {
            assertTrue(older.details().contains("with Liquibase; schema has " + (postgres() ? 2 : 3) + " table(s)"),
                    older.details());
        }
        Step contract = step(v, Verifier.CONTRACT);
        assertEquals(Step.Status.FAILED, contract.status(), contract.details());
        String failures = String.join("\n", contract.failures());
        assertTrue(failures.contains("customers.name: SELECT fails"), failures);
        assertTrue(failures.contains("migration changelog.yaml::4::dev (changelog.yaml line 45: renameColumn("), failures);
        Step rehearsal = step(v, Verifier.REHEARSAL);
        assertEquals(Step.Status.PASSED, rehearsal.status(), rehearsal.failures().toString());
        assertTrue(rehearsal.details().contains("ran 2 down(s)"), rehearsal.details());
    }

    private static String changeSet(String id, String changes) {
        return "  - changeSet:\n      id: " + id + "\n      author: dev\n      changes:\n" + changes;
    }

    @Test
    void additiveRangePassesEveryStep() {
        List<Migration> older = List.of(
                updown("1", "users", "CREATE TABLE users (id INT PRIMARY KEY, name VARCHAR(100) NOT NULL);",
                        "DROP TABLE users;"),
                updown("2", "posts", "CREATE TABLE posts (id INT PRIMARY KEY, author_id INT NOT NULL,\n"
                        + "  body TEXT, CONSTRAINT posts_author_fk FOREIGN KEY (author_id) REFERENCES users (id));",
                        "DROP TABLE posts;"));
        List<Migration> range = List.of(updown("3", "nickname",
                "-- a nullable column and an index: safe for the older release\n"
                        + "ALTER TABLE users ADD COLUMN nickname VARCHAR(50);\n"
                        + "CREATE INDEX users_nickname_idx ON users (nickname);",
                dropIndex("users_nickname_idx", "users") + ";\nALTER TABLE users DROP COLUMN nickname;"));

        Verification v = verify(older, range);

        assertFalse(v.failed(), render(v));
        assertEquals(List.of(Verifier.START, Verifier.APPLY_OLDER, Verifier.SEED, Verifier.LOCK_TRACE, Verifier.APPLY_RANGE,
                Verifier.CONTRACT, Verifier.OLD_TESTS, Verifier.REHEARSAL), v.steps().stream().map(Step::name).toList());
        assertEquals(Step.Status.SKIPPED, step(v, Verifier.OLD_TESTS).status());
        // measured on both: on PostgreSQL ADD COLUMN and CREATE INDEX hold locks that block writes until the
        // migration commits; on MySQL/MariaDB ADD COLUMN is INSTANT and the index is built INPLACE with LOCK=NONE
        assertEquals(Step.Status.PASSED, step(v, Verifier.LOCK_TRACE).status(), step(v, Verifier.LOCK_TRACE).details());
        assertTrue(step(v, Verifier.LOCK_TRACE).details().contains((postgres() ? "2" : "0") + " take a lock that blocks writes"),
                step(v, Verifier.LOCK_TRACE).details());
        assertEquals(2, v.locks().size(), v.locks().toString());
        if (!postgres()) {
            assertEquals(List.of("INSTANT", "INPLACE, LOCK=NONE"), v.locks().stream().map(LockTrace.Record::algorithm).toList());
        }
        for (String name : List.of(Verifier.START, Verifier.APPLY_OLDER, Verifier.SEED, Verifier.APPLY_RANGE,
                Verifier.CONTRACT, Verifier.REHEARSAL)) {
            assertEquals(Step.Status.PASSED, step(v, name).status(), name + ": " + step(v, name).details());
        }
        assertTrue(step(v, Verifier.APPLY_OLDER).details().contains("over JDBC"));
        assertTrue(step(v, Verifier.REHEARSAL).details().contains("kept 6 of 6 rows"), step(v, Verifier.REHEARSAL).details());
        assertTrue(v.database().startsWith(postgres() ? "PostgreSQL " : "MariaDB "), v.database());
    }

    /**
     * Rows of a table guarded by CHECKs are guessed from the checks (labels, bounds, lengths, date
     * order), and a down that forgets to restore a CHECK is caught by the rehearsal.
     */
    @Test
    void checkConstraintsAreSeededAndComparedByTheRehearsal() {
        List<Migration> older = List.of(updown("1", "reviews", "CREATE TABLE reviews (id INT PRIMARY KEY,\n"
                + "  rating INT NOT NULL, status VARCHAR(10) NOT NULL, code VARCHAR(8) NOT NULL,\n"
                + "  starts_on DATE NOT NULL, ends_on DATE NOT NULL,\n"
                + "  CONSTRAINT reviews_rating_range CHECK (rating BETWEEN 1 AND 5),\n"
                + "  CONSTRAINT reviews_status_known CHECK (status IN ('draft', 'published')),\n"
                + "  CONSTRAINT reviews_code_length CHECK (char_length(code) = 3),\n"
                + "  CONSTRAINT reviews_period CHECK (ends_on > starts_on));", "DROP TABLE reviews;"));
        List<Migration> range = List.of(updown("2", "any_status",
                "ALTER TABLE reviews DROP CONSTRAINT reviews_status_known;",
                "-- forgets to put the check back\nSELECT 1;"));

        Verification v = verify(older, range);

        Step seed = step(v, Verifier.SEED);
        assertEquals("inserted 3 row(s) into 1 table(s)", seed.details());
        assertEquals(Step.Status.PASSED, step(v, Verifier.CONTRACT).status(), step(v, Verifier.CONTRACT).failures().toString());
        Step rehearsal = step(v, Verifier.REHEARSAL);
        assertEquals(Step.Status.FAILED, rehearsal.status(), rehearsal.details());
        assertEquals("after the downs: check constraint reviews_status_known on reviews is missing",
                rehearsal.failures().get(0));
        // the debris of a bad down breaks the next deploy
        assertTrue(rehearsal.failures().get(1).startsWith("re-applying the range after the downs: migration 2"),
                rehearsal.failures().toString());
    }

    /**
     * A down that must re-add a dropped NOT NULL column can only fill it with a default: the schema is
     * back, the data is not, and the rehearsal compares the rows' values to say so.
     */
    @Test
    void rehearsalComparesValuesNotOnlyTheSchema() {
        List<Migration> older = List.of(updown("1", "users", "CREATE TABLE users (id INT PRIMARY KEY, name VARCHAR(100) NOT NULL);",
                "DROP TABLE users;"));
        List<Migration> range = List.of(updown("2", "drop_name", "ALTER TABLE users DROP COLUMN name;",
                "ALTER TABLE users ADD COLUMN name VARCHAR(100) NOT NULL DEFAULT '';"));

        Step rehearsal = step(verify(older, range), Verifier.REHEARSAL);

        assertEquals(Step.Status.FAILED, rehearsal.status(), rehearsal.details());
        String failures = String.join("\n", rehearsal.failures());
        assertTrue(failures.contains("3 of 3 values of users.name are not what they were before the deploy ('name_0' -> '')"),
                failures);
        assertTrue(failures.contains("users.name: default none -> "), failures);
        assertTrue(rehearsal.details().contains("kept 3 of 3 rows"), rehearsal.details());
    }

    @Test
    void migrationThatFailsOnSeededDataIsAFailedRangeStep() {
        Verification v = verify(olderRelease(), List.of(
                flyway("4", "nickname", "ALTER TABLE users ADD COLUMN nickname VARCHAR(50);", null),
                flyway("5", "long_names", "-- every name must be long now\n"
                        + "ALTER TABLE users ADD CONSTRAINT users_name_long CHECK (char_length(name) > 50);", null)));

        Step range = step(v, Verifier.APPLY_RANGE);
        assertEquals(Step.Status.FAILED, range.status());
        String failure = range.failures().get(0);
        assertTrue(failure.startsWith("migration 5 (db/migration/V5__long_names.sql line 2: ALTER TABLE users ADD CONSTRAINT"),
                failure);
        assertEquals(Step.Status.SKIPPED, step(v, Verifier.CONTRACT).status());
        assertEquals(Step.Status.SKIPPED, step(v, Verifier.REHEARSAL).status());
    }

    /**
     * The ordinary seeded prices fit a narrowed column; the edge row's largest price does not, so the
     * range fails where it would on real data. An edge value a CHECK refuses (a negative quantity) is
     * named, and seeding goes on; columns the range does not retype get no edge value.
     */
    @Test
    void narrowingFailsTheRangeOnTheSeededEdgeValue() {
        List<Migration> older = List.of(updown("1", "items", "CREATE TABLE items (id INT PRIMARY KEY,\n"
                + "  price DECIMAL(10,2) NOT NULL, qty INT NOT NULL CHECK (qty >= 0), sku VARCHAR(20) NOT NULL UNIQUE);",
                "DROP TABLE items;"));
        List<Migration> range = List.of(updown("2", "narrow_price", postgres()
                        ? "ALTER TABLE items ALTER COLUMN price TYPE DECIMAL(7,2);\nALTER TABLE items ALTER COLUMN qty TYPE SMALLINT;"
                        : "ALTER TABLE items MODIFY price DECIMAL(7,2) NOT NULL;\nALTER TABLE items MODIFY qty SMALLINT NOT NULL;",
                postgres() ? "ALTER TABLE items ALTER COLUMN price TYPE DECIMAL(10,2);\nALTER TABLE items ALTER COLUMN qty TYPE INT;"
                        : "ALTER TABLE items MODIFY price DECIMAL(10,2) NOT NULL;\nALTER TABLE items MODIFY qty INT NOT NULL;"));

        Verification v = verify(older, range);

        Step seed = step(v, Verifier.SEED);
        assertEquals(Step.Status.PASSED, seed.status(), seed.details());
        assertEquals("inserted 4 row(s) into 1 table(s), 1 of them with values at the limits of the older type of"
                + " items.price (longest text with non-ASCII letters, largest precision and scale, negative numbers,"
                + " extreme dates and times); the database refused edge values for items.qty", seed.details());
        assertTrue(SeedEdges.covered(java.util.Optional.of(seed), "items.price"), seed.details());
        assertFalse(SeedEdges.covered(java.util.Optional.of(seed), "items.qty"), seed.details());
        assertFalse(SeedEdges.covered(java.util.Optional.of(seed), "items.sku"), "not retyped: no edge value");
        Step applied = step(v, Verifier.APPLY_RANGE);
        assertEquals(Step.Status.FAILED, applied.status(), applied.details());
        assertTrue(applied.failures().get(0).startsWith("migration 2 (db/2_narrow_price.up.sql line 1:"),
                applied.failures().toString());
    }

    @Test
    void rehearsalCatchesADownThatDoesNotRestoreTheOlderRelease() {
        Verification v = verify(olderRelease(), List.of(flyway("4", "audit",
                "CREATE TABLE audit_log (id INT PRIMARY KEY, note VARCHAR(20));\n"
                        + "ALTER TABLE users ADD COLUMN nickname VARCHAR(50);",
                "ALTER TABLE users DROP COLUMN nickname;\n"
                        + "DELETE FROM orders;")));

        Step rehearsal = step(v, Verifier.REHEARSAL);
        assertEquals(Step.Status.FAILED, rehearsal.status());
        String failures = String.join("\n", rehearsal.failures());
        assertTrue(failures.contains("table audit_log is left over"), failures);
        assertTrue(failures.contains("3 of 3 rows of orders are gone"), failures);
        assertTrue(failures.contains("re-applying the range after the downs: migration 4"), failures);
        assertEquals(Step.Status.PASSED, step(v, Verifier.CONTRACT).status(), step(v, Verifier.CONTRACT).failures().toString());
    }

    @Test
    void rehearsalIsSkippedWhenAMigrationHasNoDown() {
        Verification v = verify(olderRelease(), List.of(
                flyway("4", "nickname", "ALTER TABLE users ADD COLUMN nickname VARCHAR(50);", null)));

        Step rehearsal = step(v, Verifier.REHEARSAL);
        assertEquals(Step.Status.SKIPPED, rehearsal.status());
        assertTrue(rehearsal.details().contains("no down for migration 4 (db/migration/V4__nickname.sql)"), rehearsal.details());
        assertFalse(v.failed());
    }

    @Test
    void seedingFillsTablesWithForeignKeysEnumsAndSelfReferences() {
        Verification v = verify(olderRelease(), List.of());

        Step seed = step(v, Verifier.SEED);
        assertEquals(Step.Status.PASSED, seed.status());
        assertEquals("inserted 9 row(s) into 3 table(s)", seed.details());
        // UPDATE and DELETE of the contract check found seeded rows to work on, and nothing fails
        assertEquals(Step.Status.PASSED, step(v, Verifier.CONTRACT).status(), step(v, Verifier.CONTRACT).failures().toString());
        assertTrue(step(v, Verifier.CONTRACT).details().contains("3 older table(s) still work"), step(v, Verifier.CONTRACT).details());
    }

    @Test
    void olderReleaseTestsRunAgainstTheNewSchemaAndTheirFailuresAreListed(@TempDir Path olderCheckout) throws IOException {
        Path script = olderCheckout.resolve("run-tests.sh");
        Files.writeString(script, "mkdir -p target/surefire-reports\n"
                + "cat > target/surefire-reports/TEST-shop.UserDaoTest.xml <<XML\n"
                + "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<testsuite name=\"shop.UserDaoTest\" tests=\"2\" failures=\"1\" errors=\"0\">\n"
                + "  <testcase classname=\"shop.UserDaoTest\" name=\"listsUsers\"/>\n"
                + "  <testcase classname=\"shop.UserDaoTest\" name=\"findsUserByName\">\n"
                + "    <failure message=\"column name does not exist (url=$MIGSAFE_JDBC_URL flyway=$SPRING_FLYWAY_ENABLED)\"/>\n"
                + "  </testcase>\n"
                + "</testsuite>\n"
                + "XML\n"
                + "exit 1\n");
        VerifySettings settings = settings().withOldTests("sh run-tests.sh", olderCheckout, null, List.of());

        Verification v = verify(olderRelease(), List.of(flyway("4", "rename_name",
                "ALTER TABLE users RENAME COLUMN name TO full_name;", null)), settings);

        Step tests = step(v, Verifier.OLD_TESTS);
        assertEquals(Step.Status.FAILED, tests.status(), tests.details());
        assertEquals(1, tests.failures().size(), tests.failures().toString());
        String failure = tests.failures().get(0);
        assertTrue(failure.startsWith("shop.UserDaoTest.findsUserByName: column name does not exist (url=jdbc:"
                + (postgres() ? "postgresql" : "mariadb") + "://"), failure);
        assertTrue(failure.endsWith("flyway=false)"), failure);
        assertTrue(tests.details().startsWith("1 of the older release's tests fail on the new schema; 2 tests in 1 JUnit report(s)"),
                tests.details());
    }

    static Step step(Verification v, String name) {
        return v.step(name).orElseThrow(() -> new AssertionError("no step " + name + " in " + render(v)));
    }

    static String render(Verification v) {
        return VerificationText.render(v);
    }
}
