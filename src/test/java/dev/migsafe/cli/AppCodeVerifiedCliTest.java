package dev.migsafe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.migsafe.source.git.TestRepo;
import dev.migsafe.test.UsesDatabase;

/**
 * The older release's code in the verification: its SQL strings and what its entities map run on the
 * older schema and on the new one, and what fails only on the new one names the code.
 */
@UsesDatabase
class AppCodeVerifiedCliTest {
    private static final String USER = """
            package shop;

            import jakarta.persistence.*;

            @Entity
            @Table(name = "users")
            public class User {
                @Id
                Long id;

                @Column(name = "name")
                String name;
            }
            """;

    private static final String DAO = """
            package shop;

            import org.springframework.jdbc.core.JdbcTemplate;

            class UserDao {
                JdbcTemplate jdbc;

                String name(long id) {
                    return jdbc.queryForObject("SELECT name FROM users WHERE id = ?", String.class, id);
                }

                int count() {
                    return jdbc.queryForObject("SELECT count(*) FROM users", Integer.class);
                }
            }
            """;

    @TempDir
    Path tmp;

    @Test
    void theOlderCodesStatementsThatBreakAreNamedByFileAndLine() {
        try (TestRepo repo = TestRepo.init(tmp.resolve("app"))) {
            repo.write("src/main/resources/db/migration/V1__init.sql", "CREATE TABLE users (id bigint PRIMARY KEY, name text);\n")
                    .write("src/main/java/shop/User.java", USER).write("src/main/java/shop/UserDao.java", DAO).commit("v1");
            repo.tag("v1");
            repo.write("src/main/resources/db/migration/V2__rename.sql", "ALTER TABLE users RENAME COLUMN name TO full_name;\n")
                    .commit("rename");
            repo.tag("v2");

            CliRun run = CliRun.of("can-rollback", "v2", "v1", "--project", repo.dir().toString(), "--verify", "embedded",
                    "--format", "json");
            assertEquals(1, run.exitCode(), run::toString);
            JsonNode contract = VerifiedSampleTest.step(run.json(), "older-release contract");
            assertEquals("failed", contract.get("status").asText(), contract::toString);
            assertTrue(contract.get("details").asText().contains("6 statement(s) of the older release's code"), contract::toString);
            String failures = contract.get("failures").toString();
            assertTrue(failures.contains("the older release's code, src/main/java/shop/UserDao.java:9 (sql-string): "
                    + "SELECT name FROM users WHERE id = ? fails: ERROR: column \\\"name\\\" does not exist"), failures);
            // what the entity maps, with the migration at fault
            assertTrue(failures.contains("the older release's code, src/main/java/shop/User.java:11 @Column(name = \\\"name\\\")"
                    + " String name: INSERT INTO users (name) SELECT NULL WHERE 1 = 0 fails: ERROR: column \\\"name\\\" of"
                    + " relation \\\"users\\\" does not exist - caused by migration 2"), failures);
            // a statement that still works is not listed
            assertFalse(failures.contains("count(*)"), failures);
        }
    }
}
