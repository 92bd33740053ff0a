package dev.migsafe.source;

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

    static String unrecognisedName(MigrationFiles files, MigrationFiles.Entry entry, String expected) {
        return files.displayPath(entry.relativePath()) + ": skipped, name does not match " + expected;
    }
}
