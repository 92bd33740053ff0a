package dev.migsafe.peer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import dev.migsafe.test.Corpus;
import dev.migsafe.test.UsesCorpus;

/**
 * Measured agreement with squawk and Atlas on their own test cases, when the shared corpus is
 * present (skipped otherwise). Prints the tables published in rules/squawk-mapping.md and
 * rules/atlas-mapping.md and writes them to target/peer-agreement/.
 */
@UsesCorpus
class PeerAgreementTest {
    private static final Path OUT = Path.of("target", "peer-agreement");

    @Test
    void squawk() throws IOException {
        Path jsonl = Corpus.require("peer-cases/squawk-cases.jsonl");
        Agreement a = SquawkAgreement.run(jsonl);
        String table = a.table("squawk rule", SquawkAgreement.mappingForTable());
        publish("squawk.md", table);
        assertTrue(a.rate() >= 0.95, "agreement with squawk below 95%:\n" + table);
    }

    @Test
    void atlas() throws IOException {
        Path jsonl = Corpus.require("peer-cases/atlas-cases.jsonl");
        Agreement a = AtlasAgreement.run(jsonl);
        String table = a.table("Atlas class", AtlasAgreement.mappingForTable());
        publish("atlas.md", table);
        assertTrue(a.rate() >= 0.85, "agreement with Atlas dropped:\n" + table);
    }

    private static void publish(String name, String table) throws IOException {
        Files.createDirectories(OUT);
        Files.writeString(OUT.resolve(name), table);
        System.out.println(table);
    }
}
