package dev.migsafe.verify;

import java.util.List;
import java.util.Optional;

/**
 * What the seed step says about its edge rows (values at the limits of the columns' types), written
 * and read in one place: the report shows it as a sentence, and the ways back read from it whether
 * the seed reached the edge of a column, which decides whether a rehearsal that kept every value
 * can speak for values the seed did not try.
 */
public final class SeedEdges {

    private static final String EDGES = " with values at the limits of their columns' types (longest text, largest numbers,"
            + " extreme dates and times, non-ASCII text, negative numbers)";
    private static final String REFUSED = "; the database refused edge values for ";
    /** Beyond this many refused columns the sentence is cut, and no column counts as covered. */
    private static final int SHOWN = 20;
    private static final String MORE = " and more";

    private SeedEdges() {
    }

    /** ", 2 of them with values at the limits ...; the database refused edge values for a.b, c" or "". */
    static String describe(int edgeRows, List<String> refused) {
        if (edgeRows == 0 && refused.isEmpty()) {
            return "";
        }
        String shown = String.join(", ", refused.stream().limit(SHOWN).toList()) + (refused.size() > SHOWN ? MORE : "");
        return ", " + edgeRows + " of them" + EDGES + (refused.isEmpty() ? "" : REFUSED + shown);
    }

    /**
     * Whether the seed step wrote an edge value into {@code object} (table.column) that the database
     * took: the step ran, wrote edge rows, and neither the column nor its table is among the refused.
     */
    public static boolean covered(Optional<Step> seed, String object) {
        if (seed.isEmpty() || seed.get().status() == Step.Status.SKIPPED || !seed.get().details().contains(EDGES)) {
            return false;
        }
        String details = seed.get().details();
        int at = details.indexOf(REFUSED);
        if (at < 0) {
            return true;
        }
        String list = details.substring(at + REFUSED.length());
        int end = list.indexOf("; ");
        list = end < 0 ? list : list.substring(0, end);
        if (list.endsWith(MORE)) {
            return false;
        }
        String table = object.contains(".") ? object.substring(0, object.indexOf('.')) : object;
        List<String> refused = List.of(list.split(", "));
        return !refused.contains(object) && !refused.contains(table);
    }
}
