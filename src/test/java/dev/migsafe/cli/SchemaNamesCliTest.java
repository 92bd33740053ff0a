package dev.migsafe.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/** Names the server gives objects, seen through can-rollback: no false RB303 from a name the model got wrong. */
class SchemaNamesCliTest {

    @TempDir
    Path dir;

    private List<String> rules(String dialect, String v1, String up, String down) throws IOException {
        Path old = Files.createDirectories(dir.resolve("old"));
        Path neu = Files.createDirectories(dir.resolve("new"));
        Files.writeString(old.resolve("1_init.up.sql"), v1);
        Files.writeString(neu.resolve("1_init.up.sql"), v1);
        Files.writeString(neu.resolve("2_x.up.sql"), up);
        Files.writeString(neu.resolve("2_x.down.sql"), down);
        CliRun run = CliRun.of("can-rollback", "new", "old", "--from-dir", neu.toString(), "--to-dir", old.toString(),
                "--dialect", dialect, "--verify", "none", "--format", "json");
        assertTrue(run.exitCode() == 0 || run.exitCode() == 1, run::toString);
        List<String> ids = new ArrayList<>();
        for (JsonNode f : run.json().get("findings")) {
            ids.add(f.get("ruleId").asText());
        }
        return ids;
    }

    @Test
    void mysqlUnnamedUniqueKeyIsNamedAfterItsColumn() throws IOException {
        // Authelia: the key made by UNIQUE KEY (jti) is called jti
        List<String> ids = rules("mysql",
                "CREATE TABLE iv (id INTEGER NOT NULL PRIMARY KEY AUTO_INCREMENT, jti CHAR(36), UNIQUE KEY (jti));",
                "ALTER TABLE iv DROP INDEX jti; CREATE UNIQUE INDEX iv_jti_key ON iv (jti);",
                "ALTER TABLE iv DROP INDEX iv_jti_key; CREATE UNIQUE INDEX jti ON iv (jti);");
        assertFalse(ids.contains("RB303"), ids::toString);
    }

    @Test
    void mysqlDownThatDoesNotRestoreTheKeyNameIsStillFound() throws IOException {
        List<String> ids = rules("mysql",
                "CREATE TABLE iv (id INTEGER NOT NULL PRIMARY KEY AUTO_INCREMENT, jti CHAR(36), UNIQUE KEY (jti));",
                "ALTER TABLE iv DROP INDEX jti; CREATE UNIQUE INDEX iv_jti_key ON iv (jti);",
                "ALTER TABLE iv DROP INDEX iv_jti_key;");
        assertTrue(ids.contains("RB303"), ids::toString);
    }

    @Test
    void postgresConstraintRenamedThroughItsIndex() throws IOException {
        List<String> ids = rules("postgresql",
                "CREATE TABLE users (id int PRIMARY KEY, email text UNIQUE);",
                "ALTER INDEX users_email_key RENAME TO users_email_uq;\n"
                        + "ALTER TABLE users DROP CONSTRAINT users_email_uq;",
                "ALTER TABLE users ADD CONSTRAINT users_email_uq UNIQUE (email);\n"
                        + "ALTER INDEX users_email_uq RENAME TO users_email_key;");
        assertFalse(ids.contains("RB303"), ids::toString);
    }
}
