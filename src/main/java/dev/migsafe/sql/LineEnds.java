package dev.migsafe.sql;

/**
 * Line ends as PostgreSQL's and MySQL's lexers see them: {@code \n}, {@code \r\n} and a lone
 * {@code \r} each end a line (and a {@code --} comment). A file saved with CR-only line ends must not
 * hide statements inside what looks like one long comment.
 */
public final class LineEnds {

    private LineEnds() {
    }

    public static boolean isLineEnd(char c) {
        return c == '\n' || c == '\r';
    }

    /** The offset of the next line end at or after {@code from}, or -1. */
    public static int next(CharSequence text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (isLineEnd(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** The offset just after the line end at {@code offset} ({@code \r\n} counts as one), or offset itself. */
    public static int skip(CharSequence text, int offset) {
        if (offset >= text.length() || !isLineEnd(text.charAt(offset))) {
            return offset;
        }
        return text.charAt(offset) == '\r' && offset + 1 < text.length() && text.charAt(offset + 1) == '\n'
                ? offset + 2 : offset + 1;
    }

    /** The offsets at which lines start: 0, then just after every line end. */
    public static int[] lineStarts(CharSequence text) {
        int[] starts = new int[16];
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            if (isLineEnd(text.charAt(i))) {
                i = skip(text, i) - 1;
                if (count == starts.length) {
                    starts = java.util.Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        return java.util.Arrays.copyOf(starts, count);
    }

    /** The 1-based line of {@code offset}. */
    public static int lineOf(CharSequence text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (isLineEnd(text.charAt(i))) {
                i = skip(text, i) - 1;
                if (i < offset) {
                    line++;
                }
            }
        }
        return line;
    }
}
