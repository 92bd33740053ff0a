package dev.migsafe.report;

/**
 * Text from the input (file names, identifiers, statements, database messages) made safe to print:
 * control characters, Unicode line separators and bidirectional overrides are shown as escapes
 * ({@code \n}, {@code \u001b}), so a name can never start a new line (a GitHub Actions workflow
 * command such as {@code ::error ...}), move the cursor, colour the terminal or reorder what is shown.
 */
public final class Printable {

    private Printable() {
    }

    public static String escape(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String escaped = escaped(c);
            if (escaped != null && out == null) {
                out = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (out != null) {
                if (escaped != null) {
                    out.append(escaped);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }

    private static String escaped(char c) {
        return switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> null; // a tab moves nothing that matters
            default -> unsafe(c) ? String.format("\\u%04x", (int) c) : null;
        };
    }

    private static boolean unsafe(char c) {
        return c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) // C0, DEL, C1 (NEL, CSI)
                || c == '\u2028' || c == '\u2029'                   // line and paragraph separators
                || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069'); // bidi controls
    }
}
