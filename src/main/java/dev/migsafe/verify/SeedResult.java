package dev.migsafe.verify;

import java.util.List;
import java.util.Map;

/**
 * What seeding left in the database.
 *
 * @param rows     per table, the rows read back after seeding (seeded and pre-existing, up to 50)
 * @param inserted per table, how many synthetic rows went in
 * @param problems tables that could not be (fully) seeded, and why
 * @param edgeRows how many of the inserted rows hold values at the limits of their columns' types
 * @param edgesCovered the columns (table.column) the range retypes that got a value at the limit of their older type
 * @param edgesRefused the columns whose edge value the database refused (or whose table could not be seeded)
 */
record SeedResult(Map<String, List<Map<String, Object>>> rows, Map<String, Integer> inserted, List<String> problems,
                  int edgeRows, List<String> edgesCovered, List<String> edgesRefused) {

    static final SeedResult EMPTY = new SeedResult(Map.of(), Map.of(), List.of(), 0, List.of(), List.of());

    int totalInserted() {
        return inserted.values().stream().mapToInt(Integer::intValue).sum();
    }
}
