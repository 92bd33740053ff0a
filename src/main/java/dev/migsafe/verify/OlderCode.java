package dev.migsafe.verify;

import java.util.List;
import java.util.function.BiPredicate;

/**
 * What the verification knows of the older release's code: the statements it runs, checked with the
 * contract, and which tables and columns it provably does not use, whose contract failures do not
 * break it (the last step of an expand/contract drops exactly such a column).
 *
 * @param probes the statements the code runs
 * @param unused (table, column or null for the table itself) -> true when no resolved use names it and
 *               nothing unresolved could touch the table
 */
public record OlderCode(List<CodeProbe> probes, BiPredicate<String, String> unused) {

    /** No code read (no sources, or --app none): every older table and column counts as used. */
    public static final OlderCode NONE = new OlderCode(List.of(), (table, column) -> false);

    public OlderCode {
        probes = List.copyOf(probes);
    }
}
