package dev.migsafe.fuzz;

/**
 * What one in-process CLI run produced.
 *
 * @param thrown   what escaped {@code Main.execute}, or null
 * @param timedOut the run did not finish within the per-case timeout
 */
record CaseResult(int exitCode, String out, String err, Throwable thrown, boolean timedOut, long millis) {
}
