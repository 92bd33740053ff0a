package dev.migsafe.schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A view (or materialized view) of the schema model.
 *
 * @param columns output column name -> lineage of the column it passes through (-1 when computed)
 * @param reads   "table.column" (or "table.*") entries the query reads, for dependency rules
 */
public record View(String name, long lineage, Map<String, Long> columns, Set<String> reads, boolean materialized)
        implements Relation {

    public View {
        columns = new LinkedHashMap<>(columns);
        reads = Set.copyOf(reads);
    }

    public View withName(String n) { return new View(n, lineage, columns, reads, materialized); }

    @Override
    public List<String> columnNames() { return List.copyOf(columns.keySet()); }

    @Override
    public long columnLineage(String column) { return columns.getOrDefault(column, -1L); }
}
