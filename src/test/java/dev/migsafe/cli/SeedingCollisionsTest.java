package dev.migsafe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.migsafe.test.UsesDatabase;

/**
 * Rows the migrations inserted themselves (reference data with explicit keys, behind a sequence that
 * did not move) do not cost the seed its rows: colliding rows are tried again past them.
 */
@UsesDatabase
class SeedingCollisionsTest {

    @TempDir
    Path tmp;

    @Test
    void everyTableGetsAllItsRowsDespiteRowsAlreadyThere() throws IOException {
        Path older = Files.createDirectories(tmp.resolve("old"));
        Path newer = Files.createDirectories(tmp.resolve("new"));
        Files.writeString(older.resolve("V1__t.sql"), "CREATE TABLE kinds (id serial PRIMARY KEY, name text UNIQUE);\n"
                + "INSERT INTO kinds (id, name) VALUES (1, 'a'), (2, 'b');\n"
                + "CREATE TABLE codes (code int PRIMARY KEY);\nINSERT INTO codes VALUES (900000), (900001);\n");
        Files.copy(older.resolve("V1__t.sql"), newer.resolve("V1__t.sql"));
        Files.writeString(newer.resolve("V2__x.sql"), "ALTER TABLE codes ADD COLUMN note text;\n");
        Files.writeString(newer.resolve("U2__x.sql"), "ALTER TABLE codes DROP COLUMN note;\n");

        CliRun run = CliRun.of("can-rollback", "new", "old", "--from-dir", newer.toString(), "--to-dir",
                older.toString(), "--verify", "embedded", "--format", "json");

        JsonNode seed = VerifiedSampleTest.step(run.json(), "seed data");
        assertEquals("passed", seed.get("status").asText(), seed::toString);
        assertTrue(seed.get("details").asText().startsWith("inserted 6 row(s) into 2 table(s)"), seed::toString);
    }
}
