package dev.migsafe.verify;

import java.util.List;
import java.util.Optional;

/**
 * What the seed step says about its edge rows (values at the limits of the older types of the
 * columns the range changes), written and read in one place: the report shows it as a sentence, and
 * the ways back read from it whether the seed reached the edge of a column, which decides whether a
 * rehearsal that kept every value can speak for values the seed did not try.
 */
public final class SeedEdges {

    private static final String EDGES = " with values at the limits of the older type of ";
    private static final String KINDS = " (longest text with non-ASCII letters, largest precision and scale, negative"
            + " numbers, extreme dates and times)";
    private static final String REFUSED = "; the database refused edge values for ";
    /** Beyond this many columns a list is cut, and its columns are not told apart. */
    private static final int SHOWN = 20;
    private static final String MORE = " and more";

    private SeedEdges() {
    }

    /**
     * ", 1 of them with values at the limits of the older type of items.price (longest text ...); the
     * database refused edge values for items.qty", or "" when the range changes no column's type.
     */
    static String describe(int edgeRows, List<String> covered, List<String> refused) {
        String out = covered.isEmpty() ? "" : ", " + edgeRows + " of them" + EDGES + shown(covered) + KINDS;
        return out + (refused.isEmpty() ? "" : REFUSED + shown(refused));
    }

    private static String shown(List<String> columns) {
        return String.join(", ", columns.stream().limit(SHOWN).toList()) + (columns.size() > SHOWN ? MORE : "");
    }

    /** Whether the seed step wrote an edge value into {@code object} (table.column) that the database took. */
    public static boolean covered(Optional<Step> seed, String object) {
        if (seed.isEmpty() || seed.get().status() == Step.Status.SKIPPED) {
            return false;
        }
        String details = seed.get().details();
        int at = details.indexOf(EDGES);
        int end = details.indexOf(KINDS, Math.max(at, 0));
        if (at < 0 || end < 0) {
            return false;
        }
        return List.of(details.substring(at + EDGES.length(), end).split(", ")).contains(object);
    }
}
