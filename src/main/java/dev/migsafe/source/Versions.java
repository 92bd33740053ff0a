package dev.migsafe.source;

import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationVersion;

import dev.migsafe.BadInputException;

/** Parses version text from file names with Flyway's rules (underscores read as dots). */
final class Versions {
    private Versions() {
    }

    static MigrationVersion parse(String text, String shownPath) {
        try {
            return MigrationVersion.fromVersion(text.replace('_', '.'));
        } catch (FlywayException | NumberFormatException e) {
            throw new BadInputException(shownPath + ": invalid version '" + text
                    + "'; use digits separated by dots or underscores, e.g. V1_2__name.sql");
        }
    }
}
