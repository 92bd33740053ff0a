package dev.migsafe.verify;

import java.util.List;
import java.util.Map;

/**
 * What seeding left in the database.
 *
 * @param rows     per table, the rows read back after seeding (seeded and pre-existing, up to 50)
 * @param inserted per table, how many synthetic rows went in
 * @param problems tables that could not be (fully) seeded, and why
 */
record SeedResult(Map<String, List<Map<String, Object>>> rows, Map<String, Integer> inserted, List<String> problems) {

    int totalInserted() {
        return inserted.values().stream().mapToInt(Integer::intValue).sum();
    }
}
