package dev.migsafe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/** A reference-data load over the old 10 MB limit is analysed, not refused: one INSERT, no PS501. */
class LargeMigrationCliTest {

    @TempDir
    Path tmp;

    @Test
    void aTwelveMegabyteInsertIsAnalyzed() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("db"));
        Files.writeString(dir.resolve("V1__schema.sql"), "CREATE TABLE ref (id bigint PRIMARY KEY, name text);\n");
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("V2__load.sql"), StandardCharsets.UTF_8)) {
            w.write("-- reference data\nINSERT INTO ref (id, name) VALUES\n");
            for (int i = 1; i <= 400_000; i++) {
                w.write((i > 1 ? ",\n" : "") + "(" + i + ", 'reference name number " + i + "')");
            }
            w.write(";\nALTER TABLE ref DROP COLUMN name;\n");
        }
        assertEquals(true, Files.size(dir.resolve("V2__load.sql")) > 12L * 1024 * 1024);
        CliRun run = CliRun.of("analyze", dir.toString(), "--project", tmp.toString(), "--dialect", "postgresql",
                "--format", "json");
        assertEquals(1, run.exitCode(), run::toString); // the DROP COLUMN after the load blocks: NO-GO
        JsonNode json = run.json();
        assertEquals(3, json.path("summary").path("statements").asInt(), run::toString);
        assertEquals(0, json.path("summary").path("unparsed").asInt(), run::toString);
    }
}
