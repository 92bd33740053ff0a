package dev.migsafe.sql;

/**
 * Line ends as PostgreSQL's and MySQL's clients see them: {@code \n}, {@code \r\n} and a lone
 * {@code \r} each end one line. A {@code --} or {@code #} comment stops at any of them, so a file
 * saved with old Mac (CR-only) line ends cannot hide its statements inside a comment.
 */
public final class LineBreaks {

    private LineBreaks() {
    }

    public static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r';
    }

    /** Offset of the first line-break character at or after {@code from}, or the text's length. */
    public static int lineEnd(CharSequence text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (isLineBreak(text.charAt(i))) {
                return i;
            }
        }
        return text.length();
    }

    /** The offset just after the line break at {@code offset} ({@code \r\n} is one), or {@code offset} if none is there. */
    public static int skipLineBreak(CharSequence text, int offset) {
        if (offset >= text.length()) {
            return offset;
        }
        char c = text.charAt(offset);
        if (c == '\r') {
            return offset + 1 < text.length() && text.charAt(offset + 1) == '\n' ? offset + 2 : offset + 1;
        }
        return c == '\n' ? offset + 1 : offset;
    }

    /** True when the character at {@code i} ends a line ({@code \r} of a {@code \r\n} pair does not: its {@code \n} does). */
    private static boolean endsLine(CharSequence text, int i) {
        char c = text.charAt(i);
        return c == '\n' || c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n');
    }

    /** 1-based line of {@code offset}. */
    public static int lineOf(CharSequence text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (endsLine(text, i)) {
                line++;
            }
        }
        return line;
    }

    /** Offsets where each line starts (the first is 0), for binary search. */
    public static int[] lineStarts(CharSequence text) {
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            if (endsLine(text, i)) {
                count++;
            }
        }
        int[] starts = new int[count];
        int k = 1;
        for (int i = 0; i < text.length(); i++) {
            if (endsLine(text, i)) {
                starts[k++] = i + 1;
            }
        }
        return starts;
    }
}
