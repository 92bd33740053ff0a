package dev.migsafe.sql;

import java.util.ArrayList;
import java.util.List;

import dev.migsafe.dialect.Dialect;

/**
 * A position in the significant tokens of one statement, with the small vocabulary the readers
 * need: match keywords, read names, skip balanced parentheses, cut lists at top-level commas.
 */
final class TokenCursor {
    private final List<Token> tokens;
    private final String source;
    private final Dialect dialect;
    private int pos;

    TokenCursor(List<Token> tokens, String source, Dialect dialect) {
        this.tokens = tokens;
        this.source = source;
        this.dialect = dialect;
    }

    static TokenCursor of(String text, Dialect dialect) {
        return new TokenCursor(SqlLexer.significant(text, dialect), text, dialect);
    }

    /** A cursor over the first {@code count} significant tokens only, for statements too large to tokenise whole. */
    static TokenCursor head(String text, Dialect dialect, int count) {
        SqlLexer lexer = new SqlLexer(text, dialect);
        List<Token> tokens = new java.util.ArrayList<>();
        for (int pos = 0; pos < text.length() && tokens.size() < count; ) {
            Token t = lexer.next(pos);
            if (!t.isTrivia()) {
                tokens.add(t);
            }
            pos = t.end();
        }
        return new TokenCursor(tokens, text, dialect);
    }

    Dialect dialect() {
        return dialect;
    }

    boolean atEnd() {
        return pos >= tokens.size();
    }

    int position() {
        return pos;
    }

    void reset(int position) {
        pos = position;
    }

    /** The token {@code ahead} places from here, or null past the end. */
    Token peek(int ahead) {
        int i = pos + ahead;
        return i < tokens.size() ? tokens.get(i) : null;
    }

    Token peek() {
        return peek(0);
    }

    Token next() {
        if (atEnd()) {
            throw new NotUnderstoodException("statement ends too early");
        }
        return tokens.get(pos++);
    }

    /** True when the next tokens are these keywords, in order. */
    boolean at(String... words) {
        for (int i = 0; i < words.length; i++) {
            Token t = peek(i);
            if (t == null || !t.is(words[i])) {
                return false;
            }
        }
        return true;
    }

    /** Consumes the keywords when they come next. */
    boolean accept(String... words) {
        if (at(words)) {
            pos += words.length;
            return true;
        }
        return false;
    }

    /** Consumes the first of these single keywords that comes next, returning it upper-case, or null. */
    String acceptAny(String... words) {
        for (String w : words) {
            if (accept(w)) {
                return w.toUpperCase();
            }
        }
        return null;
    }

    void expect(String... words) {
        if (!accept(words)) {
            throw new NotUnderstoodException("expected " + String.join(" ", words) + " " + near());
        }
    }

    boolean atSymbol(char c) {
        Token t = peek();
        return t != null && t.isSymbol(c);
    }

    boolean acceptSymbol(char c) {
        if (atSymbol(c)) {
            pos++;
            return true;
        }
        return false;
    }

    void expectSymbol(char c) {
        if (!acceptSymbol(c)) {
            throw new NotUnderstoodException("expected '" + c + "' " + near());
        }
    }

    /** Reads {@code a.b."c"} and returns it normalised with {@link Names#qualified}. */
    String name() {
        return Names.qualified(nameParts(), dialect);
    }

    /** Reads one identifier (or a string literal used as a name, as MySQL allows) and normalises it. */
    String identifier() {
        Token t = next();
        if (t.isName()) {
            return Names.identifier(t.text(), dialect);
        }
        if (t.type() == Token.Type.STRING) {
            return Names.identifier(t.stringValue(dialect), dialect);
        }
        pos--;
        throw new NotUnderstoodException("expected a name " + near());
    }

    List<String> nameParts() {
        List<String> parts = new ArrayList<>();
        Token t = next();
        if (!t.isName()) {
            pos--;
            throw new NotUnderstoodException("expected a name " + near());
        }
        parts.add(t.text());
        while (atSymbol('.') && peek(1) != null && peek(1).isName()) {
            pos++;
            parts.add(next().text());
        }
        return parts;
    }

    /** Reads {@code (a, b, c)} of plain identifiers (or expressions, kept as text). */
    List<String> identifierList() {
        List<String> names = new ArrayList<>();
        for (TokenCursor item : parenthesisedList()) {
            names.add(item.columnOrExpression());
        }
        return names;
    }

    /**
     * A column reference when the rest is one name (optionally followed by ASC/DESC, a length or an
     * operator class), else the text of the whole expression.
     */
    String columnOrExpression() {
        Token first = peek();
        if (first != null && first.isName() && !(peek(1) != null && (peek(1).isSymbol('(') || peek(1).isSymbol('.')))) {
            return Names.identifier(first.text(), dialect);
        }
        if (dialect == Dialect.MYSQL && first != null && first.isName() && peek(1).isSymbol('(') && peek(2) != null
                && peek(2).type() == Token.Type.NUMBER && peek(3) != null && peek(3).isSymbol(')')) {
            return Names.identifier(first.text(), dialect); // index prefix length: name(10)
        }
        return restText();
    }

    /** Consumes a parenthesised group and returns its items cut at top-level commas. */
    List<TokenCursor> parenthesisedList() {
        int open = pos;
        expectSymbol('(');
        int close = matchingClose(open);
        List<TokenCursor> items = split(open + 1, close);
        pos = close + 1;
        return items;
    }

    /** Cuts the remaining tokens at top-level commas. */
    List<TokenCursor> splitRest() {
        List<TokenCursor> items = split(pos, tokens.size());
        pos = tokens.size();
        return items;
    }

    private List<TokenCursor> split(int from, int to) {
        List<TokenCursor> items = new ArrayList<>();
        int depth = 0;
        int start = from;
        for (int i = from; i < to; i++) {
            Token t = tokens.get(i);
            if (t.isSymbol('(') || t.isSymbol('[')) {
                depth++;
            } else if (t.isSymbol(')') || t.isSymbol(']')) {
                depth--;
            } else if (depth == 0 && t.isSymbol(',')) {
                items.add(sub(start, i));
                start = i + 1;
            }
        }
        if (start < to) {
            items.add(sub(start, to));
        }
        return items;
    }

    /** Skips a balanced parenthesised group starting here. */
    void skipGroup() {
        pos = matchingClose(pos) + 1;
    }

    private int matchingClose(int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.isSymbol('(') || t.isSymbol('[')) {
                depth++;
            } else if ((t.isSymbol(')') || t.isSymbol(']')) && --depth == 0) {
                return i;
            }
        }
        throw new NotUnderstoodException("unbalanced parentheses");
    }

    /** A cursor over tokens [from, to) of this one. */
    TokenCursor sub(int from, int to) {
        return new TokenCursor(tokens.subList(from, to), source, dialect);
    }

    /** The rest as a cursor, consuming it. */
    TokenCursor rest() {
        TokenCursor c = sub(pos, tokens.size());
        pos = tokens.size();
        return c;
    }

    /**
     * Consumes tokens up to (not including) the first top-level word among {@code stopWords}
     * (or the end) and returns their source text, or null when there were none.
     */
    String textUntil(java.util.Set<String> stopWords) {
        int start = pos;
        int depth = 0;
        while (!atEnd()) {
            Token t = peek();
            if (depth == 0 && t.type() == Token.Type.WORD && stopWords.contains(t.upper())) {
                break;
            }
            if (t.isSymbol('(') || t.isSymbol('[')) {
                depth++;
            } else if (t.isSymbol(')') || t.isSymbol(']')) {
                depth--;
            }
            pos++;
        }
        return pos == start ? null : text(start, pos);
    }

    /** Source text of the remaining tokens (consumed), or "" when none. */
    String restText() {
        if (atEnd()) {
            return "";
        }
        String t = text(pos, tokens.size());
        pos = tokens.size();
        return t;
    }

    /** Source text from token {@code from} to token {@code to} (exclusive). */
    String text(int from, int to) {
        if (from >= to) {
            return "";
        }
        return source.substring(tokens.get(from).start(), tokens.get(to - 1).end());
    }

    /** Source text of all of this cursor's tokens. */
    String fullText() {
        return text(0, tokens.size());
    }

    List<Token> remaining() {
        return tokens.subList(pos, tokens.size());
    }

    String near() {
        Token t = peek();
        return t == null ? "at the end" : "near '" + t.text() + "'";
    }
}
