package dev.migsafe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.migsafe.test.UsesDatabase;

/**
 * The Spring Boot sample's older release runs its real Maven test suite on migsafe's database: its
 * {@code @ServiceConnection} container, its Testcontainers JDBC URL and its H2 profile are all
 * overridden by the environment migsafe sets (the first run downloads the sample's dependencies from
 * Maven Central).
 */
@UsesDatabase
class PetstoreOldTestsTest {
    private static final String OLD_TESTS = "mvn -q -B test";

    @Test
    void theOlderReleasesOwnTestsFailOnTheRenamedColumn() {
        CliRun run = PetstoreSample.canRollback("v1.1.0", "v1.0.0", "--verify", "embedded", "--old-tests", OLD_TESTS);
        assertEquals(1, run.exitCode(), run::toString);
        JsonNode tests = VerifiedSampleTest.step(run.json(), "older-release tests");
        assertEquals("failed", tests.get("status").asText(), tests::toString);
        // every test class ran on migsafe's database, whatever database it is set up for on its own
        assertTrue(tests.get("details").asText().contains("3 of the older release's tests fail on the new schema; "
                + "5 tests in 4 JUnit report(s)"), tests::toString);
        String failures = tests.get("failures").toString();
        for (String failing : new String[] {"PetRepositoryTest.savesAPetWithItsOwner",
                "PetRepositoryTest.listsThePetsOfOneSpeciesByName", "PetstoreApplicationTests.registersPetsForAnOwner"}) {
            assertTrue(failures.contains("dev.migsafe.sample.petstore." + failing), failing + " in " + failures);
        }
        assertTrue(failures.contains("column \\\"species\\\" of relation \\\"pet\\\" does not exist"), failures);
        assertFalse(failures.contains("OwnerDirectoryTest") || failures.contains("OwnerRepositoryTest"), failures);
        // the native query of the older code, probed in the contract step
        JsonNode contract = VerifiedSampleTest.step(run.json(), "older-release contract");
        assertTrue(contract.get("failures").toString().contains("PetRepository.java:11 (native-query): "
                + "SELECT * FROM pet WHERE species = ? ORDER BY name fails"), contract::toString);
    }

    @Test
    void theContractStepPassesTheOlderReleasesOwnTests() {
        CliRun run = PetstoreSample.canRollback("v1.3.0", "v1.2.0", "--verify", "embedded", "--old-tests", OLD_TESTS);
        assertEquals(0, run.exitCode(), run::toString);
        JsonNode report = run.json();
        assertEquals("GO", report.get("verdict").asText());
        JsonNode tests = VerifiedSampleTest.step(report, "older-release tests");
        assertEquals("passed", tests.get("status").asText(), tests::toString);
        assertTrue(tests.get("details").asText().contains("5 tests in 4 JUnit report(s)"), tests::toString);
        JsonNode contract = VerifiedSampleTest.step(report, "older-release contract");
        assertEquals("passed", contract.get("status").asText(), contract::toString);
        assertTrue(contract.get("details").asText().contains("failing on owner.name, which the older release's code"
                + " does not use, not counted"), contract::toString);
    }
}
