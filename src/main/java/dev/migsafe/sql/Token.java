package dev.migsafe.sql;

import java.util.Locale;

import dev.migsafe.dialect.Dialect;

/**
 * One lexical token of a SQL text.
 *
 * @param type  what kind of token
 * @param start offset of its first character in the text it was cut from
 * @param end   offset just past its last character
 * @param text  the characters as written
 */
public record Token(Type type, int start, int end, String text) {

    public enum Type {
        WHITESPACE, LINE_COMMENT, BLOCK_COMMENT,
        /** Unquoted word: keyword or identifier. */
        WORD,
        /** "double quoted" (PostgreSQL) or `backticked` (MySQL) identifier. */
        QUOTED_IDENTIFIER,
        /** 'string', E'string' (PostgreSQL), "string" (MySQL). */
        STRING,
        /** PostgreSQL $tag$ ... $tag$ string. */
        DOLLAR_STRING,
        NUMBER,
        /** Positional parameter ($1) or ? */
        PARAMETER,
        /** Any other single character (operators, punctuation). */
        SYMBOL
    }

    public boolean isTrivia() {
        return type == Type.WHITESPACE || type == Type.LINE_COMMENT || type == Type.BLOCK_COMMENT;
    }

    public boolean isComment() {
        return type == Type.LINE_COMMENT || type == Type.BLOCK_COMMENT;
    }

    /** True for an unquoted word equal (ignoring case) to {@code keyword}. */
    public boolean is(String keyword) {
        return type == Type.WORD && text.equalsIgnoreCase(keyword);
    }

    public boolean isSymbol(char c) {
        return type == Type.SYMBOL && text.length() == 1 && text.charAt(0) == c;
    }

    /** True for a word or quoted identifier, i.e. something that can name an object. */
    public boolean isName() {
        return type == Type.WORD || type == Type.QUOTED_IDENTIFIER;
    }

    /** Upper-case text of a word, for keyword comparisons. */
    public String upper() {
        return text.toUpperCase(Locale.ROOT);
    }

    /** The value of a string literal (or quoted identifier) without its quotes, escapes resolved. */
    public String stringValue(Dialect dialect) {
        if (type == Type.DOLLAR_STRING) {
            int tagEnd = text.indexOf('$', 1) + 1;
            return text.substring(tagEnd, text.length() - tagEnd);
        }
        if (type == Type.QUOTED_IDENTIFIER) {
            return Names.unquote(text);
        }
        if (type != Type.STRING) {
            return text;
        }
        int open = firstQuote(text);
        char quote = text.charAt(open);
        // MySQL strings and PostgreSQL E'' strings use backslash escapes
        boolean backslashes = dialect.syntax().backslashEscapes() || (open > 0 && Character.toUpperCase(text.charAt(0)) == 'E');
        String body = text.substring(open + 1, text.length() - 1);
        StringBuilder sb = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == quote && i + 1 < body.length() && body.charAt(i + 1) == quote) {
                sb.append(quote);
                i++;
            } else if (c == '\\' && backslashes && i + 1 < body.length()) {
                sb.append(unescape(body.charAt(++i)));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static int firstQuote(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\'' || s.charAt(i) == '"') {
                return i;
            }
        }
        throw new IllegalStateException("not a string literal: " + s);
    }

    private static char unescape(char c) {
        return switch (c) {
            case 'n' -> '\n';
            case 't' -> '\t';
            case 'r' -> '\r';
            case '0' -> '\0';
            default -> c;
        };
    }
}
