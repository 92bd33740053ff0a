package dev.migsafe.source.liquibase;

/**
 * A Liquibase changeSet's identity as a migration id: {@code file::id::author}, the form Liquibase
 * prints itself. {@code releases:} entries may name a changeSet by its id alone, by
 * {@code id::author}, or in full.
 */
public final class ChangeSetIds {
    private static final String SEPARATOR = "::";

    private ChangeSetIds() {
    }

    static String of(String file, String id, String author) {
        return file + SEPARATOR + id + SEPARATOR + author;
    }

    /** True when {@code migrationId} is a changeSet id and {@code given} names it (id, id::author or whole). */
    public static boolean names(String migrationId, String given) {
        String[] parts = migrationId.split(SEPARATOR, -1);
        if (parts.length != 3) {
            return false;
        }
        return migrationId.equals(given) || parts[1].equals(given) || (parts[1] + SEPARATOR + parts[2]).equals(given);
    }
}
