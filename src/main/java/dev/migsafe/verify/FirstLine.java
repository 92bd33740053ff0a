package dev.migsafe.verify;

/** How reports and the progress display show a statement: its first line of code, shortened. */
final class FirstLine {
    private static final int MAX = 120;

    private FirstLine() {
    }

    /** The first line that is not blank or a {@code --} / {@code #} comment (Flyway sends a file's leading comments along). */
    static String of(String sql) {
        String text = sql == null ? "" : sql.strip();
        String line = text.lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("--") && !l.startsWith("#"))
                .findFirst().orElse(text.lines().findFirst().orElse(""));
        return line.length() > MAX ? line.substring(0, MAX - 3) + "..." : line;
    }
}
