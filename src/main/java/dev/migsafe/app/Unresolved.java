package dev.migsafe.app;

/**
 * A use of the database the code makes that could not be resolved into tables and columns: SQL built
 * at run time, SQL the reader does not understand, a file too large to read. Counted and listed.
 *
 * @param text what is known of it (the constant parts of the SQL), may be empty
 */
public record Unresolved(String file, int line, String kind, String text, String reason) {
    /** A file not read (too large, unreadable, past the file limit). */
    public static final String FILE = "file";
    /** A Java file JavaParser could not parse. */
    public static final String JAVA = "java";
}
