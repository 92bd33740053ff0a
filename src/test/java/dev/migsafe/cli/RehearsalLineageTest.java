package dev.migsafe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.migsafe.test.UsesDatabase;

/**
 * The rehearsal follows values by lineage, as the schema model does: a column renamed by the range is
 * read under its new name before the downs, not confused with a new column that reuses the old name.
 */
@UsesDatabase
class RehearsalLineageTest {

    @TempDir
    Path tmp;

    @Test
    void aRenameBackRestoresEveryValue() throws IOException {
        Path older = Files.createDirectories(tmp.resolve("old"));
        Path newer = Files.createDirectories(tmp.resolve("new"));
        Files.writeString(older.resolve("V1__t.sql"), "CREATE TABLE t (id int PRIMARY KEY, a text NOT NULL);\n");
        Files.copy(older.resolve("V1__t.sql"), newer.resolve("V1__t.sql"));
        Files.writeString(newer.resolve("V2__move_a.sql"), "ALTER TABLE t RENAME COLUMN a TO b;\n"
                + "ALTER TABLE t ADD COLUMN a text NOT NULL DEFAULT 'new';\n");
        Files.writeString(newer.resolve("U2__move_a.sql"), "ALTER TABLE t DROP COLUMN a;\n"
                + "ALTER TABLE t RENAME COLUMN b TO a;\n");

        CliRun run = CliRun.of("can-rollback", "new", "old", "--from-dir", newer.toString(), "--to-dir",
                older.toString(), "--verify", "embedded", "--format", "json");

        JsonNode rehearsal = VerifiedSampleTest.step(run.json(), "rollback rehearsal");
        assertEquals("passed", rehearsal.get("status").asText(), rehearsal::toString);
    }
}
