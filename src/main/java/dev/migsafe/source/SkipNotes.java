package dev.migsafe.source;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The wording of notes about files a reader saw but did not read as migrations. */
final class SkipNotes {
    private SkipNotes() {
    }

    /** Hidden files (.keep, .DS_Store, editor swap files) are not worth a note. */
    static boolean hidden(MigrationFiles.Entry entry) {
        return entry.name().startsWith(".");
    }

    static boolean isSql(MigrationFiles.Entry entry) {
        return entry.name().endsWith(".sql");
    }

    static String notSql(MigrationFiles files, MigrationFiles.Entry entry) {
        return files.displayPath(entry.relativePath())
                + ": skipped, not a .sql file (Java migrations and other files are not analysed)";
    }

    /** A top-level .sql file whose name matched a reader's pattern. */
    record Named(MigrationFiles.Entry entry, Matcher name) {
    }

    /**
     * The top-level .sql files whose names match {@code pattern}; every other visible file gets a
     * note saying why it was skipped.
     */
    static List<Named> topLevelSql(MigrationFiles files, Pattern pattern, String expected, List<String> notes) {
        List<Named> named = new ArrayList<>();
        for (MigrationFiles.Entry entry : files.list()) {
            if (!entry.atTop() || hidden(entry)) {
                continue;
            }
            if (!isSql(entry)) {
                notes.add(notSql(files, entry));
                continue;
            }
            Matcher name = pattern.matcher(entry.name());
            if (name.matches()) {
                named.add(new Named(entry, name));
            } else {
                notes.add(unrecognisedName(files, entry, expected));
            }
        }
        return named;
    }

    static String unrecognisedName(MigrationFiles files, MigrationFiles.Entry entry, String expected) {
        return files.displayPath(entry.relativePath()) + ": skipped, name does not match " + expected;
    }
}
