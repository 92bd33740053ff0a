package dev.migsafe.verify;

import java.util.ArrayList;
import java.util.List;

import dev.migsafe.source.MigrationScript;
import dev.migsafe.sql.SqlStatement;

/**
 * Cuts a script into statements for execution over JDBC: semicolons outside quotes, comments and
 * PostgreSQL dollar quotes; MySQL {@code DELIMITER} lines and backslash escapes. It only needs to
 * find statement boundaries (the database parses the statements), so it is deliberately small.
 */
final class StatementSplitter {

    private final ServerKind kind;

    StatementSplitter(ServerKind kind) {
        this.kind = kind;
    }

    List<SqlStatement> split(MigrationScript script) {
        String sql = script.content();
        List<SqlStatement> out = new ArrayList<>();
        String delimiter = ";";
        StringBuilder current = new StringBuilder();
        int line = script.firstLine();
        int startLine = -1;
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            // MySQL client DELIMITER directive, only at the start of a statement
            if (!kind.isPostgres() && startLine < 0 && startsWithWord(sql, i, "DELIMITER")) {
                int eol = lineEnd(sql, i);
                delimiter = sql.substring(i + "DELIMITER".length(), eol).trim();
                i = eol;
                continue;
            }
            if (c == '\n') {
                line++;
            }
            if (startLine < 0 && !Character.isWhitespace(c) && !startsComment(sql, i)) {
                startLine = line;
            }
            if (startLine >= 0 && sql.startsWith(delimiter, i)) {
                add(out, script, startLine, current);
                current.setLength(0);
                startLine = -1;
                i += delimiter.length();
                continue;
            }
            int end = skipQuotedOrComment(sql, i);
            if (end > i) {
                String chunk = sql.substring(i, end);
                line += chunk.chars().filter(ch -> ch == '\n').count();
                if (startLine >= 0) {
                    current.append(chunk);
                }
                i = end;
                continue;
            }
            if (startLine >= 0) {
                current.append(c);
            }
            i++;
        }
        add(out, script, startLine, current);
        return out;
    }

    private static void add(List<SqlStatement> out, MigrationScript script, int line, StringBuilder text) {
        String s = text.toString().trim();
        if (line >= 0 && !s.isEmpty()) {
            out.add(new SqlStatement(script.path(), line, s, List.of()));
        }
    }

    /** End of the quoted string, quoted name, dollar quote or comment starting at i; i when none. */
    private int skipQuotedOrComment(String sql, int i) {
        char c = sql.charAt(i);
        if (c == '-' && sql.startsWith("--", i) || c == '#' && !kind.isPostgres()) {
            return lineEnd(sql, i);
        }
        if (c == '/' && sql.startsWith("/*", i) && !mysqlExecutableComment(sql, i)) {
            int end = sql.indexOf("*/", i + 2);
            return end < 0 ? sql.length() : end + 2;
        }
        if (c == '\'' || c == '"' || c == '`' && !kind.isPostgres()) {
            return closingQuote(sql, i, c);
        }
        if (c == '$' && kind.isPostgres()) {
            String tag = dollarTag(sql, i);
            if (tag != null) {
                int end = sql.indexOf(tag, i + tag.length());
                return end < 0 ? sql.length() : end + tag.length();
            }
        }
        return i;
    }

    private int closingQuote(String sql, int start, char quote) {
        boolean backslashEscapes = !kind.isPostgres() && quote != '`'
                || kind.isPostgres() && start > 0 && Character.toUpperCase(sql.charAt(start - 1)) == 'E';
        int i = start + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\\' && backslashEscapes) {
                i += 2;
                continue;
            }
            if (c == quote) {
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

    /** "$$" or "$tag$" at i, or null when the dollar is something else ($1 parameters). */
    private static String dollarTag(String sql, int i) {
        int j = i + 1;
        while (j < sql.length() && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) {
            j++;
        }
        if (j < sql.length() && sql.charAt(j) == '$' && (j == i + 1 || !Character.isDigit(sql.charAt(i + 1)))) {
            return sql.substring(i, j + 1);
        }
        return null;
    }

    private boolean startsComment(String sql, int i) {
        return sql.startsWith("--", i) || sql.startsWith("/*", i) && !mysqlExecutableComment(sql, i)
                || sql.charAt(i) == '#' && !kind.isPostgres();
    }

    /** MySQL runs the body of {@code /*!40101 ... *}{@code /} (dumps are full of them): not a comment. */
    private boolean mysqlExecutableComment(String sql, int i) {
        return !kind.isPostgres() && sql.startsWith("/*!", i);
    }

    private static boolean startsWithWord(String sql, int i, String word) {
        return sql.regionMatches(true, i, word, 0, word.length())
                && (i + word.length() >= sql.length() || Character.isWhitespace(sql.charAt(i + word.length())))
                && (i == 0 || sql.charAt(i - 1) == '\n');
    }

    private static int lineEnd(String sql, int i) {
        int eol = sql.indexOf('\n', i);
        return eol < 0 ? sql.length() : eol;
    }
}
