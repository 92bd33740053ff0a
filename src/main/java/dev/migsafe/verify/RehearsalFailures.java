package dev.migsafe.verify;

/**
 * The failures the rollback rehearsal reports, written and recognised in one place: the report
 * shows them as sentences, and the ways back read from them whether a down failed and whether data
 * was lost.
 */
public final class RehearsalFailures {

    private static final String DOWN_FAILED = "down of ";
    private static final String AFTER = "after the downs: ";
    private static final String GONE = " are gone";
    private static final String CHANGED = " are not what they were before the deploy";

    private RehearsalFailures() {
    }

    static String downFailed(MigrationFailure failure) {
        return DOWN_FAILED + failure.describe();
    }

    static String differs(String difference) {
        return AFTER + difference;
    }

    static String rowsGone(long gone, long had, String table) {
        return AFTER + gone + " of " + had + " rows of " + table + GONE;
    }

    static String valuesGone(long gone, long had, String column) {
        return AFTER + gone + " of " + had + " values of " + column + GONE + " (NULL now)";
    }

    static String valuesChanged(long changed, long had, String column, String example) {
        return AFTER + changed + " of " + had + " values of " + column + CHANGED + " (" + example + ")";
    }

    /** A down of the range failed: the database is left half rolled back. */
    public static boolean isFailedDown(String failure) {
        return failure.startsWith(DOWN_FAILED);
    }

    /** Rows or values the downs did not give back. */
    public static boolean losesData(String failure) {
        return failure.startsWith(AFTER) && (failure.contains(GONE) || failure.contains(CHANGED));
    }
}
