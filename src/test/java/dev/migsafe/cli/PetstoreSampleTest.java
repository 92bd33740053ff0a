package dev.migsafe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Spring Boot sample's three releases judged by the older release's code (no database): a rename
 * in place is NO_GO with the entity and the native query as evidence, the expand step and the contract
 * step are GO.
 */
class PetstoreSampleTest {

    @Test
    void renamingAColumnTheOlderEntityAndNativeQueryUseIsNoGo() {
        CliRun run = PetstoreSample.canRollback("v1.1.0", "v1.0.0", "--verify", "none");
        assertEquals(1, run.exitCode(), run::toString);
        JsonNode report = run.json();
        assertEquals("NO_GO", report.get("verdict").asText());
        JsonNode rename = PetstoreSample.finding(report, "BC102", "pet.species");
        assertEquals("error", rename.get("severity").asText());
        assertTrue(rename.get("message").asText().startsWith("v1.0.0 maps pet.species: "
                + "src/main/java/dev/migsafe/sample/petstore/Pet.java:23 @Column(nullable = false, length = 50) String species"),
                rename::toString);
        List<String> places = new ArrayList<>();
        rename.get("usage").forEach(u -> places.add(u.get("file").asText() + ":" + u.get("line").asInt() + " " + u.get("kind").asText()));
        assertTrue(places.contains("src/main/java/dev/migsafe/sample/petstore/PetRepository.java:11 native-query"), places::toString);
    }

    @Test
    void theExpandStepIsGo() {
        CliRun run = PetstoreSample.canRollback("v1.2.0", "v1.1.0", "--verify", "none");
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("GO", run.json().get("verdict").asText());
    }

    @Test
    void theContractStepIsGoBecauseTheOlderReleaseNoLongerMapsTheColumn() {
        CliRun run = PetstoreSample.canRollback("v1.3.0", "v1.2.0", "--verify", "none");
        assertEquals(0, run.exitCode(), run::toString);
        JsonNode report = run.json();
        assertEquals("GO", report.get("verdict").asText());
        JsonNode drop = PetstoreSample.finding(report, "BC104", "owner.name");
        assertEquals("warning", drop.get("severity").asText());
        assertTrue(drop.get("message").asText().startsWith("no use of owner.name in v1.2.0's 7 files"), drop::toString);
    }
}
