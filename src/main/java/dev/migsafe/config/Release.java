package dev.migsafe.config;

/**
 * One entry of {@code releases:} in {@code migsafe.yaml}.
 *
 * @param name            the release name ({@code v1.3.0})
 * @param lastMigrationId id of the last migration the release includes, as written ("5", "1.2")
 * @param line            line of the entry in the file, for messages (0 when not from a file)
 */
public record Release(String name, String lastMigrationId, int line) {
}
