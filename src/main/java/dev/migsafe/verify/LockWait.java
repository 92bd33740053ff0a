package dev.migsafe.verify;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A statement of the verification that waited for a lock longer than {@code verify.statement-wait},
 * and the sessions that held it, as the server reported them.
 *
 * @param statement the waiting statement
 * @param waitsFor  what it waits for ("Lock/relation", "Waiting for table metadata lock")
 * @param waitedMs  how long it had waited when it was cancelled
 * @param blockers  the sessions holding the lock (may be empty when the server does not say)
 * @param certain   false when the server does not say who holds the lock and the blockers are the
 *                  other sessions that could
 */
record LockWait(String statement, String waitsFor, long waitedMs, List<Session> blockers, boolean certain) {

    /**
     * A session as the server shows it.
     *
     * @param id          PostgreSQL backend pid, MySQL connection id
     * @param application its application name ("" when the server does not show one)
     * @param state       "idle in transaction", "Sleep", ...
     * @param stateMs     for how long it has been in that state
     * @param query       its current or last statement, null when the server does not show it
     */
    record Session(String id, String application, String state, long stateMs, String query) {

        String describe() {
            return "session " + id + (application.isBlank() ? "" : " (" + application + ")") + ", " + state
                    + " for " + seconds(stateMs) + ", "
                    + (query == null || query.isBlank() ? "its statement not shown by the server" : "statement: " + FirstLine.of(query));
        }
    }

    LockWait {
        blockers = List.copyOf(blockers);
    }

    /**
     * The migration tool's own session holds the lock its migration waits for: the same deploy hangs
     * in production (LK615). Flyway is the one tool here that holds a lock in a second session.
     */
    boolean byMigrationTool() {
        return certain && !blockers.isEmpty()
                && blockers.stream().allMatch(b -> b.application().equals(MigrationApplier.FLYWAY_SESSION));
    }

    /** The lines a step reports: the wait and its blockers, and LK615 with its fix when it is one. */
    List<String> describe() {
        String who = blockers.isEmpty() ? "the server does not say which session holds it"
                : (certain ? "blocked by " : "possibly blocked by ")
                + blockers.stream().map(Session::describe).collect(Collectors.joining("; "));
        String wait = "`" + FirstLine.of(statement) + "` waited " + seconds(waitedMs) + " for a lock (" + waitsFor + "), "
                + who + "; the statement was cancelled (" + (byMigrationTool() ? "that session never lets go" : "verify.statement-wait") + ")";
        return byMigrationTool() ? List.of(lk615(), wait) : List.of(wait);
    }

    /** The LK615 finding this wait proves (only meaningful when {@link #byMigrationTool()}). */
    String lk615() {
        return "LK615 migration-tool-deadlock: `" + FirstLine.of(statement) + "` waited for Flyway's own session,"
                + " which holds its transactional advisory lock for the whole migration run: this deploy hangs the"
                + " same way in production. Fix: set postgresql.transactional.lock=false in the Flyway configuration"
                + " (spring.flyway.postgresql.transactional-lock=false with Spring Boot)";
    }

    static String seconds(long ms) {
        return String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
