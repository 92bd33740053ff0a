package dev.migsafe.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.migsafe.change.Change;
import dev.migsafe.change.ViewColumn;

/**
 * Works out which data each output column of a view passes through: the lineage of the source
 * column for a plain column reference, -1 for anything computed. This is what lets a rule see that
 * {@code CREATE VIEW users AS SELECT id, full_name AS name FROM people} still serves the older
 * release's {@code users.name}.
 */
final class ViewColumns {

    private ViewColumns() {
    }

    static Map<String, Long> resolve(Schema schema, Change.CreateView view) {
        List<String> names = new ArrayList<>();
        List<Long> lineages = new ArrayList<>();
        for (ViewColumn vc : view.columns()) {
            if (vc.isStar()) {
                for (String source : starSources(vc, view.reads())) {
                    Relation r = schema.relation(source);
                    if (r != null) {
                        for (String c : r.columnNames()) {
                            names.add(c);
                            lineages.add(r.columnLineage(c));
                        }
                    }
                }
            } else {
                names.add(vc.name());
                lineages.add(lineageOf(schema, vc));
            }
        }
        // CREATE VIEW v (a, b) AS ...: the explicit list renames the outputs in order
        for (int i = 0; i < view.columnNames().size() && i < names.size(); i++) {
            names.set(i, view.columnNames().get(i));
        }
        Map<String, Long> columns = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            columns.putIfAbsent(names.get(i), lineages.get(i)); // the database rejects duplicates; keep the first
        }
        return columns;
    }

    private static long lineageOf(Schema schema, ViewColumn vc) {
        if (vc.sourceTable() == null || vc.sourceColumn() == null) {
            return -1;
        }
        Relation r = schema.relation(vc.sourceTable());
        return r == null ? -1 : r.columnLineage(vc.sourceColumn());
    }

    /** {@code t.*} names its table; a bare {@code *} stands for every table the query reads. */
    private static Set<String> starSources(ViewColumn star, List<String> reads) {
        Set<String> sources = new LinkedHashSet<>();
        if (star.sourceTable() != null) {
            sources.add(star.sourceTable());
            return sources;
        }
        for (String read : reads) {
            int dot = read.lastIndexOf('.');
            sources.add(dot < 0 ? read : read.substring(0, dot));
        }
        return sources;
    }
}
