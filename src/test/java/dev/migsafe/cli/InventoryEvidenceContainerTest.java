package dev.migsafe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.migsafe.verify.RequiresDocker;

/**
 * The inventory sample on its own database (MariaDB in CI, images as configured): the seed's edge
 * row makes the narrowing of items.price fail where real prices above 99999.99 would, so the ways
 * back call items.price proved and say which claims rest on the rules alone.
 */
@RequiresDocker
class InventoryEvidenceContainerTest {

    @Test
    void theNarrowingIsProvedByTheDatabaseAndTheRestIsMarkedPredicted() {
        CliRun run = CliRun.of("can-rollback", "v2.1.0", "v2.0.0", "--project", SampleCommandsTest.INVENTORY,
                "--verify", "testcontainers", "--format", "json");
        assertEquals(1, run.exitCode(), run::toString);
        JsonNode report = run.json();
        assertEquals("NO_GO", report.get("verdict").asText());
        JsonNode range = VerifiedSampleTest.step(report, "apply range");
        assertEquals("failed", range.get("status").asText(), range.toString());
        assertTrue(range.get("failures").get(0).asText().contains("000003_narrow_price.up.sql line 2"), range.toString());
        assertTrue(VerifiedSampleTest.step(report, "seed data").get("details").asText()
                .contains("with values at the limits of the older type of items.price"), report.get("verification").toString());

        JsonNode appOnly = SampleCommandsTest.strategy(report, "app-only");
        assertEquals(List.of("items.price proved apply range BC105", "items.qty predicted - BC102"), evidence(appOnly));
        String notes = appOnly.get("notes").asText();
        assertTrue(notes.contains("items.price (proved on MariaDB") || notes.contains("items.price (proved on MySQL"), notes);
        assertTrue(notes.contains("items.qty (predicted by BC102"), notes);
        assertFalse(notes.contains("failing operation(s)"), "nothing else failed: " + notes);

        JsonNode downs = SampleCommandsTest.strategy(report, "down-migrations");
        assertNotEquals("none", downs.get("dataLoss").asText(), downs.toString());
        assertEquals(List.of("items.price proved apply range DL202"), evidence(downs));
    }

    private static List<String> evidence(JsonNode strategy) {
        List<String> out = new ArrayList<>();
        for (JsonNode e : strategy.get("evidence")) {
            out.add(e.get("object").asText() + " " + e.get("basis").asText() + " "
                    + (e.has("step") ? e.get("step").asText() : "-") + " " + e.get("ruleId").asText());
        }
        return out;
    }
}
