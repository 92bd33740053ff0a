package dev.migsafe.sql;

import java.util.ArrayList;
import java.util.List;

import dev.migsafe.dialect.Dialect;
import dev.migsafe.dialect.Syntax;

/**
 * Cuts SQL text into tokens following one dialect's quoting and comment rules. It knows nothing of
 * statements: the {@link StatementSplitter} and the recognisers build on it.
 *
 * <p>PostgreSQL: '' escapes, E'..' strings with backslash escapes, "identifiers", $tag$ strings,
 * nested block comments. MySQL: backslash escapes in '..' and "..", `identifiers`, # comments,
 * {@code --} comments only when followed by a space.
 */
public final class SqlLexer {

    /** A quote, dollar quote or comment that is never closed. */
    public static final class UnterminatedException extends RuntimeException {
        private final int start;

        UnterminatedException(int start, String message) {
            super(message);
            this.start = start;
        }

        /** Offset where the construct opened. */
        public int start() {
            return start;
        }
    }

    private final String text;
    private final Syntax syntax;

    public SqlLexer(String text, Dialect dialect) {
        this.text = text;
        this.syntax = dialect.syntax();
    }

    /** All tokens of a text, whitespace and comments included. */
    public static List<Token> tokenize(String text, Dialect dialect) {
        SqlLexer lexer = new SqlLexer(text, dialect);
        List<Token> tokens = new ArrayList<>();
        int pos = 0;
        while (pos < text.length()) {
            Token t = lexer.next(pos);
            tokens.add(t);
            pos = t.end();
        }
        return tokens;
    }

    /** The tokens of a text without whitespace and comments. */
    public static List<Token> significant(String text, Dialect dialect) {
        List<Token> all = tokenize(text, dialect);
        all.removeIf(Token::isTrivia);
        return all;
    }

    /** The token that starts at {@code pos} ({@code pos < text.length()}). */
    public Token next(int pos) {
        char c = text.charAt(pos);
        char n = pos + 1 < text.length() ? text.charAt(pos + 1) : '\0';
        if (Character.isWhitespace(c)) {
            int end = pos;
            while (end < text.length() && Character.isWhitespace(text.charAt(end))) {
                end++;
            }
            return token(Token.Type.WHITESPACE, pos, end);
        }
        if (c == '-' && n == '-' && (!syntax.dashCommentNeedsSpace() || pos + 2 >= text.length()
                || Character.isWhitespace(text.charAt(pos + 2)))) {
            return lineComment(pos);
        }
        if (c == '#' && syntax.hashLineComments()) {
            return lineComment(pos);
        }
        if (c == '/' && n == '*') {
            return blockComment(pos);
        }
        if (c == '\'') {
            return quoted(Token.Type.STRING, pos, pos, '\'', syntax.backslashEscapes());
        }
        if (c == '"' && syntax.doubleQuotedStrings()) {
            return quoted(Token.Type.STRING, pos, pos, '"', syntax.backslashEscapes());
        }
        if (c == syntax.identifierQuote()) {
            return quoted(Token.Type.QUOTED_IDENTIFIER, pos, pos, c, false);
        }
        if ((c == 'E' || c == 'e') && n == '\'' && syntax.escapeStringPrefix()) {
            return quoted(Token.Type.STRING, pos, pos + 1, '\'', true);
        }
        if (c == '$' && syntax.dollarQuotedStrings()) {
            Token dollar = dollarString(pos);
            if (dollar != null) {
                return dollar;
            }
        }
        if ((c == '$' || c == '?') && Character.isDigit(n) || c == '?') {
            int end = pos + 1;
            while (end < text.length() && Character.isDigit(text.charAt(end))) {
                end++;
            }
            return token(Token.Type.PARAMETER, pos, end);
        }
        if (isIdentifierStart(c)) {
            int end = pos + 1;
            while (end < text.length() && isIdentifierPart(text.charAt(end))) {
                end++;
            }
            return token(Token.Type.WORD, pos, end);
        }
        if (Character.isDigit(c) || (c == '.' && Character.isDigit(n))) {
            return number(pos);
        }
        return token(Token.Type.SYMBOL, pos, pos + 1);
    }

    private Token token(Token.Type type, int start, int end) {
        return new Token(type, start, end, text.substring(start, end));
    }

    private Token lineComment(int pos) {
        int end = LineEnds.next(text, pos);
        return token(Token.Type.LINE_COMMENT, pos, end < 0 ? text.length() : end);
    }

    private Token blockComment(int pos) {
        boolean nests = syntax.nestedBlockComments();
        int depth = 0;
        int i = pos;
        while (i < text.length() - 1) {
            char c = text.charAt(i);
            char n = text.charAt(i + 1);
            if (c == '/' && n == '*' && (depth == 0 || nests)) {
                depth++;
                i += 2;
            } else if (c == '*' && n == '/') {
                depth--;
                i += 2;
                if (depth == 0) {
                    return token(Token.Type.BLOCK_COMMENT, pos, i);
                }
            } else {
                i++;
            }
        }
        throw new UnterminatedException(pos, "unterminated block comment /* opened here; close it with */");
    }

    /**
     * A quoted token whose opening quote is at {@code quotePos} ({@code start} is earlier for a
     * prefix such as E). A doubled quote escapes the quote; a backslash escapes the next character
     * when {@code backslashEscapes}.
     */
    private Token quoted(Token.Type type, int start, int quotePos, char quote, boolean backslashEscapes) {
        int i = quotePos + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\' && backslashEscapes) {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    return token(type, start, i + 1);
                }
            } else {
                i++;
            }
        }
        String what = type == Token.Type.STRING ? "string" : "quoted identifier";
        throw new UnterminatedException(start,
                "unterminated " + what + " " + quote + " opened here; close it with " + quote);
    }

    /** A $tag$ ... $tag$ string, or null when the $ does not open one. */
    private Token dollarString(int pos) {
        int i = pos + 1;
        while (i < text.length() && isIdentifierPart(text.charAt(i)) && text.charAt(i) != '$') {
            i++;
        }
        if (i >= text.length() || text.charAt(i) != '$' || (i > pos + 1 && Character.isDigit(text.charAt(pos + 1)))) {
            return null;
        }
        String tag = text.substring(pos, i + 1);
        int close = text.indexOf(tag, i + 1);
        if (close < 0) {
            throw new UnterminatedException(pos,
                    "unterminated dollar quote " + tag + " opened here; close it with " + tag);
        }
        return token(Token.Type.DOLLAR_STRING, pos, close + tag.length());
    }

    private Token number(int pos) {
        int i = pos;
        while (i < text.length() && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '.')) {
            i++;
        }
        if (i < text.length() && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < text.length() && (text.charAt(j) == '+' || text.charAt(j) == '-')) {
                j++;
            }
            if (j < text.length() && Character.isDigit(text.charAt(j))) {
                i = j;
                while (i < text.length() && Character.isDigit(text.charAt(i))) {
                    i++;
                }
            }
        }
        return token(Token.Type.NUMBER, pos, i);
    }

    private static boolean isIdentifierStart(char c) {
        return Character.isLetter(c) || c == '_' || c > 127 && !Character.isWhitespace(c);
    }

    private static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c > 127 && !Character.isWhitespace(c);
    }
}
