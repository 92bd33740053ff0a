package dev.migsafe.sql;

import java.util.List;

/**
 * One statement as cut out of a script by the splitter.
 *
 * @param file         path of the file it comes from (as in {@link dev.migsafe.sql.MigrationScript#path()})
 * @param line         line of the statement's first token in that file
 * @param text         the statement text without the terminating delimiter or leading comments
 * @param suppressions {@code migsafe:ignore} comments written just before it
 */
public record SqlStatement(String file, int line, String text, List<Suppression> suppressions) {

    /** The statement on one line, shortened for reports. */
    public String summary(int max) {
        // whitespace runs become one space; only as much of the text is read as the summary needs
        StringBuilder flat = new StringBuilder(Math.min(text.length(), max + 2));
        for (int i = 0; i < text.length() && flat.length() <= max + 1; i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                flat.append(c);
            } else if (flat.length() > 0 && flat.charAt(flat.length() - 1) != ' ') {
                flat.append(' ');
            }
        }
        String shown = flat.toString().strip();
        return shown.length() <= max ? shown : shown.substring(0, max - 3) + "...";
    }
}
