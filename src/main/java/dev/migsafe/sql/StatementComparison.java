package dev.migsafe.sql;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import dev.migsafe.dialect.Dialect;

/**
 * Tells a cosmetic edit of a script from a semantic one: the same statements, token for token, as the
 * server reads them — whitespace and comments (a licence header, a reworded comment, re-indentation)
 * left out, keywords and unquoted names in any case, a name quoted although it needs no quotes
 * ({@code "users"} on PostgreSQL, {@code `users`} on MySQL) the same as the bare name, and a
 * statement's closing semicolon optional. Tokens are compared as they are lexed, so a statement of
 * hundreds of megabytes costs no token list.
 */
public final class StatementComparison {
    /** A name any server reads the same unquoted (keywords aside, which are rarely quoted to be names). */
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

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
                if (!normal(x, dialect).equals(normal(y, dialect))) {
                    return false;
                }
                i = skipTrivia(left, a, x.end());
                j = skipTrivia(right, b, y.end());
            }
            return atEnd(left, a, i) && atEnd(right, b, j);
        } catch (RuntimeException e) {
            return a.strip().equals(b.strip()); // not lexable: compare as written
        }
    }

    /** The token as the server reads it: unquoted words fold case; a quoted name that needs no quotes is that word. */
    private static String normal(Token t, Dialect dialect) {
        if (t.type() == Token.Type.WORD) {
            return t.text().toLowerCase(Locale.ROOT);
        }
        if (t.type() == Token.Type.QUOTED_IDENTIFIER) {
            String name = Names.unquote(t.text());
            boolean bare = PLAIN_NAME.matcher(name).matches()
                    && (!dialect.syntax().quotedIdentifiersKeepCase() || name.equals(name.toLowerCase(Locale.ROOT)));
            return bare ? name.toLowerCase(Locale.ROOT) : t.text();
        }
        return t.text();
    }

    /** Past the last token, or only a closing semicolon left. */
    private static boolean atEnd(SqlLexer lexer, String text, int pos) {
        if (pos < text.length() && lexer.next(pos).isSymbol(';')) {
            pos = skipTrivia(lexer, text, lexer.next(pos).end());
        }
        return pos >= text.length();
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
