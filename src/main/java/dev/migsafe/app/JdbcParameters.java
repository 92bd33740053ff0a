package dev.migsafe.app;

/**
 * The SQL of the code as JDBC prepares it: named parameters ({@code :species}, as in Spring Data native
 * queries and NamedParameterJdbcTemplate) and JPA's numbered ones ({@code ?1}) become {@code ?}. Without
 * this the database refuses the statement for its syntax, on the older schema as on the new one, and a
 * column the range broke would go unnoticed. Quoted text, quoted names, comments and {@code ::} casts stay.
 */
final class JdbcParameters {

    private JdbcParameters() {
    }

    static String positional(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            int end = switch (c) {
                case '\'', '"', '`' -> closing(sql, i + 1, c);
                case '-' -> i + 1 < n && sql.charAt(i + 1) == '-' ? lineEnd(sql, i) : -1;
                case '/' -> i + 1 < n && sql.charAt(i + 1) == '*' ? commentEnd(sql, i) : -1;
                default -> -1;
            };
            if (end > 0) {
                out.append(sql, i, end);
                i = end;
            } else if (c == ':' && i + 1 < n && sql.charAt(i + 1) == ':') {
                out.append("::");
                i += 2;
            } else if (c == ':' && i + 1 < n && Character.isJavaIdentifierStart(sql.charAt(i + 1))) {
                i = name(sql, i + 1);
                out.append('?');
            } else if (c == '?' && i + 1 < n && Character.isDigit(sql.charAt(i + 1))) {
                i = digits(sql, i + 1);
                out.append('?');
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** Where a quoted text opened before {@code from} ends (a doubled quote stays inside), or the end. */
    private static int closing(String sql, int from, char quote) {
        int i = from;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }

    private static int lineEnd(String sql, int from) {
        int nl = sql.indexOf('\n', from);
        return nl < 0 ? sql.length() : nl;
    }

    private static int commentEnd(String sql, int from) {
        int end = sql.indexOf("*/", from + 2);
        return end < 0 ? sql.length() : end + 2;
    }

    private static int name(String sql, int from) {
        int i = from;
        while (i < sql.length() && Character.isJavaIdentifierPart(sql.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int digits(String sql, int from) {
        int i = from;
        while (i < sql.length() && Character.isDigit(sql.charAt(i))) {
            i++;
        }
        return i;
    }
}
