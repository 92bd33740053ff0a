package dev.migsafe.verify;

import java.sql.SQLException;

/** Error texts for reports: the database's own words, on one line. */
final class Errors {

    private Errors() {
    }

    /**
     * The database's message when an SQLException is in the chain (wrappers only add noise), else
     * the outermost message.
     */
    static String message(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException && t.getMessage() != null) {
                // PostgreSQL appends "Position: 8", MariaDB prefixes "(conn=12)": noise in a report
                return oneLine(t.getMessage().replaceAll("\\s+Position: \\d+\\s*$", "")
                        .replaceFirst("^\\(conn=\\d+\\)\\s*", ""));
            }
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null) {
                return oneLine(t.getMessage());
            }
        }
        return e.getClass().getSimpleName();
    }

    static String oneLine(String text) {
        String flat = text.replaceAll("\\s+", " ").trim();
        return flat.length() <= 300 ? flat : flat.substring(0, 297) + "...";
    }
}
