package dev.migsafe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.migsafe.test.Corpus;
import dev.migsafe.test.UsesCorpus;
import dev.migsafe.test.UsesDatabase;

/**
 * golang-migrate histories run with golang-migrate's own table: Harbor's 0030 alters
 * {@code schema_migrations}, which failed with "relation does not exist" when migsafe applied the
 * files without it.
 */
@UsesDatabase
@UsesCorpus
class ToolHistoryVerifyTest {

    @TempDir
    Path tmp;

    @Test
    void harborsMigrationThatAltersTheToolsTableApplies() throws IOException {
        Path harbor = Corpus.require("harbor/make/migrations/postgresql");
        Path older = Files.createDirectories(tmp.resolve("old"));
        Path newer = Files.createDirectories(tmp.resolve("new"));
        List<Path> files;
        try (Stream<Path> all = Files.list(harbor)) {
            files = all.filter(p -> p.getFileName().toString().endsWith(".up.sql")).sorted().toList();
        }
        for (Path f : files) {
            int version = Integer.parseInt(f.getFileName().toString().substring(0, 4));
            if (version <= 30) {
                Files.copy(f, newer.resolve(f.getFileName()));
            }
            if (version <= 29) {
                Files.copy(f, older.resolve(f.getFileName()));
            }
        }

        CliRun run = CliRun.of("verify", "new", "old", "--from-dir", newer.toString(), "--to-dir", older.toString(),
                "--verify", "embedded", "--format", "json");

        JsonNode report = run.json();
        for (String step : List.of("apply older release", "apply range")) {
            JsonNode s = VerifiedSampleTest.step(report, step);
            assertEquals("passed", s.get("status").asText(), s::toString);
        }
    }
}
