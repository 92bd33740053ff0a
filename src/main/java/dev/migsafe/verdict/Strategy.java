package dev.migsafe.verdict;

/**
 * One way back to the older release, with its cost. Field names are those of the JSON report.
 *
 * @param name     app-only | down-migrations | restore | roll-forward
 * @param dataLoss none | possible | certain
 */
public record Strategy(String name, boolean feasible, String dataLoss, String notes) {
}
