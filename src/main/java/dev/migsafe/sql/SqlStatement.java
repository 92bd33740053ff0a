package dev.migsafe.sql;

import java.util.List;

/**
 * One statement as cut out of a script by the splitter.
 *
 * @param file         path of the file it comes from (as in {@link dev.migsafe.source.MigrationScript#path()})
 * @param line         line of the statement's first token in that file
 * @param text         the statement text without the terminating delimiter or leading comments
 * @param suppressions {@code migsafe:ignore} comments written just before it
 */
public record SqlStatement(String file, int line, String text, List<Suppression> suppressions) {

    /** The statement on one line, shortened for reports. */
    public String summary(int max) {
        String flat = text.replaceAll("\\s+", " ").trim();
        return flat.length() <= max ? flat : flat.substring(0, max - 3) + "...";
    }
}
