package dev.migsafe.peer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Case-by-case agreement with a peer tool, per peer rule (or class), with every disagreement listed. */
final class Agreement {

    /** One compared case. */
    record Outcome(String group, String caseName, boolean expected, boolean actual, String detail) {
        boolean agrees() { return expected == actual; }
    }

    private final List<Outcome> outcomes = new ArrayList<>();

    void add(Outcome o) {
        outcomes.add(o);
    }

    List<Outcome> outcomes() {
        return outcomes;
    }

    long agreeing() {
        return outcomes.stream().filter(Outcome::agrees).count();
    }

    double rate() {
        return outcomes.isEmpty() ? 1.0 : (double) agreeing() / outcomes.size();
    }

    List<Outcome> disagreements() {
        return outcomes.stream().filter(o -> !o.agrees()).toList();
    }

    /** A Markdown table per group, the total, then each disagreement. */
    String table(String peer, Map<String, String> mapping) {
        Map<String, int[]> perGroup = new TreeMap<>();
        for (Outcome o : outcomes) {
            int[] n = perGroup.computeIfAbsent(o.group(), g -> new int[2]);
            n[0] += o.agrees() ? 1 : 0;
            n[1]++;
        }
        StringBuilder sb = new StringBuilder();
        sb.append("| ").append(peer).append(" | migsafe | cases | agree | rate |\n|---|---|---|---|---|\n");
        perGroup.forEach((g, n) -> sb.append("| ").append(g).append(" | ").append(mapping.getOrDefault(g, ""))
                .append(" | ").append(n[1]).append(" | ").append(n[0]).append(" | ")
                .append(String.format("%.1f%%", 100.0 * n[0] / n[1])).append(" |\n"));
        sb.append("| **total** | | ").append(outcomes.size()).append(" | ").append(agreeing()).append(" | ")
                .append(String.format("**%.1f%%**", 100.0 * rate())).append(" |\n\nDisagreements:\n\n");
        for (Outcome o : disagreements()) {
            sb.append("- ").append(o.group()).append(" / ").append(o.caseName()).append(": expected ")
                    .append(o.expected() ? "a finding" : "none").append(", migsafe ")
                    .append(o.actual() ? "reports " + o.detail() : "reports none").append('\n');
        }
        return sb.toString();
    }
}
