package dev.migsafe.analysis;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.migsafe.rules.Finding;
import dev.migsafe.source.Migration;
import dev.migsafe.source.MigrationScript;
import dev.migsafe.source.NaturalOrder;
import dev.migsafe.sql.ParsedStatement;

/**
 * The order findings are reported in: the order the migrations run, not the order of their paths as
 * text (where V10 would come before V2). A file ranks with the first migration that names it: its up
 * script, then its down, then any other file its statements come from (a Liquibase {@code sqlFile});
 * several migrations in one file (Liquibase changeSets, a dbmate up and down) keep their order by line.
 * In a file, findings go by line, then rule ID. Files no migration names come after, in natural order
 * (V2 before V10); findings without a file come last. The sort is stable, so findings that compare
 * equal keep the order the rules reported them in.
 */
final class FindingOrder implements Comparator<Finding> {
    private final Map<String, Integer> rankByFile = new HashMap<>();
    private final Comparator<Finding> order = Comparator.comparing(Finding::file, this::compareFiles)
            .thenComparingInt(Finding::line)
            .thenComparing(Finding::ruleId);

    /**
     * @param inExecutionOrder every migration findings may be about, in the order they run (the newer
     *                         release, then the migrations only the older release has)
     * @param statements       the parsed statements of a script
     */
    FindingOrder(List<Migration> inExecutionOrder, Function<MigrationScript, List<ParsedStatement>> statements) {
        for (Migration m : inExecutionOrder) {
            rank(m.up(), statements);
            if (m.hasDown()) {
                rank(m.down(), statements);
            }
        }
    }

    private void rank(MigrationScript script, Function<MigrationScript, List<ParsedStatement>> statements) {
        rankByFile.putIfAbsent(script.path(), rankByFile.size());
        List<ParsedStatement> parsed = statements.apply(script);
        if (parsed != null) {
            parsed.forEach(ps -> rankByFile.putIfAbsent(ps.statement().file(), rankByFile.size()));
        }
    }

    @Override
    public int compare(Finding a, Finding b) {
        if (hasNoFile(a.file()) && hasNoFile(b.file())) {
            return 0; // kept in the order they were reported
        }
        return order.compare(a, b);
    }

    private static boolean hasNoFile(String file) {
        return file == null || file.isEmpty();
    }

    private int compareFiles(String a, String b) {
        if (hasNoFile(a) || hasNoFile(b)) {
            return Boolean.compare(hasNoFile(a), hasNoFile(b));
        }
        Integer rankA = rankByFile.get(a);
        Integer rankB = rankByFile.get(b);
        if (rankA != null && rankB != null) {
            return Integer.compare(rankA, rankB);
        }
        if (rankA != null || rankB != null) {
            return rankA != null ? -1 : 1;
        }
        return NaturalOrder.INSTANCE.compare(a, b);
    }
}
