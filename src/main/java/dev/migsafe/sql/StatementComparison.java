package dev.migsafe.sql;

import java.util.List;

import dev.migsafe.dialect.Dialect;

/**
 * Tells a cosmetic edit of a script from a semantic one: the same statements, token for token, once
 * whitespace and comments (a licence header, a reworded comment, re-indentation) are left out.
 * Tokens are compared as they are lexed, so a statement of hundreds of megabytes costs no token list.
 */
public final class StatementComparison {
    private StatementComparison() {
    }

    public static boolean sameCode(List<ParsedStatement> a, List<ParsedStatement> b, Dialect dialect) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!sameCode(a.get(i).statement().text(), b.get(i).statement().text(), dialect)) {
                return false;
            }
        }
        return true;
    }

    static boolean sameCode(String a, String b, Dialect dialect) {
        try {
            SqlLexer left = new SqlLexer(a, dialect);
            SqlLexer right = new SqlLexer(b, dialect);
            int i = skipTrivia(left, a, 0);
            int j = skipTrivia(right, b, 0);
            while (i < a.length() && j < b.length()) {
                Token x = left.next(i);
                Token y = right.next(j);
                if (!x.text().equals(y.text())) {
                    return false;
                }
                i = skipTrivia(left, a, x.end());
                j = skipTrivia(right, b, y.end());
            }
            return i >= a.length() && j >= b.length();
        } catch (RuntimeException e) {
            return a.strip().equals(b.strip()); // not lexable: compare as written
        }
    }

    /** The offset of the next significant token at or after {@code pos}, or the text's length. */
    private static int skipTrivia(SqlLexer lexer, String text, int pos) {
        while (pos < text.length()) {
            Token t = lexer.next(pos);
            if (!t.isTrivia()) {
                return pos;
            }
            pos = t.end();
        }
        return pos;
    }
}
