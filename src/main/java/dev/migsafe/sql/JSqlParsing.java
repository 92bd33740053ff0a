package dev.migsafe.sql;

import dev.migsafe.dialect.Dialect;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;

/**
 * JSqlParser with each dialect's options and a time limit: some inputs make it backtrack for a
 * very long time, and a statement it cannot parse in time is handled like one it cannot parse.
 * JSqlParser runs each parse on an executor to enforce the limit: the {@link DeepStack} threads,
 * whose stack takes deeply nested expressions; a statement nested deeper still is not parsed
 * ({@link DeepStack#TOO_DEEP}).
 */
final class JSqlParsing {

    /** Milliseconds one statement may take. */
    static final long TIMEOUT_MS = 3000;

    private JSqlParsing() {
    }

    /**
     * Words JSqlParser takes for keywords although both databases accept them as plain column names
     * ({@code SELECT uuid, name FROM jobs} fails). A failed statement is retried with them quoted.
     */
    private static final java.util.Set<String> NOT_RESERVED = java.util.Set.of("UUID", "STATEMENT", "WINDOW");

    /** The statement's AST, or null (with the reason in {@code why}) when JSqlParser cannot read it. */
    static Statement parse(String sql, Dialect dialect, StringBuilder why) {
        Statement statement = parseOnce(sql, dialect, why);
        if (statement == null) {
            String quoted = quoteNonReservedWords(sql, dialect);
            if (!quoted.equals(sql)) {
                statement = parseOnce(quoted, dialect, new StringBuilder());
            }
        }
        return statement;
    }

    /** Quotes the {@link #NOT_RESERVED} words used as names (not as function calls), lower-cased as the database would. */
    static String quoteNonReservedWords(String sql, Dialect dialect) {
        java.util.List<Token> tokens = SqlLexer.tokenize(sql, dialect);
        StringBuilder sb = new StringBuilder(sql.length() + 16);
        char quote = dialect.syntax().identifierQuote();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            boolean call = i + 1 < tokens.size() && tokens.get(i + 1).isSymbol('(');
            if (t.type() == Token.Type.WORD && NOT_RESERVED.contains(t.upper()) && !call) {
                sb.append(quote).append(t.text().toLowerCase(java.util.Locale.ROOT)).append(quote);
            } else {
                sb.append(t.text());
            }
        }
        return sb.toString();
    }

    private static Statement parseOnce(String sql, Dialect dialect, StringBuilder why) {
        try {
            return CCJSqlParserUtil.parse(sql, DeepStack.EXECUTOR, parser -> {
                parser.withSquareBracketQuotation(false)
                        .withAllowComplexParsing(true)
                        .withTimeOut(TIMEOUT_MS);
                if (dialect.syntax().backslashEscapes()) {
                    parser.withBackslashEscapeCharacter(true);
                }
                if (dialect.syntax().hashLineComments()) {
                    parser.withHashLineComments(true);
                }
            });
        } catch (JSQLParserException | RuntimeException e) {
            if (DeepStack.overflowed(e)) {
                why.append(DeepStack.TOO_DEEP);
                return null;
            }
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            why.append(message.lines().findFirst().orElse(message));
            return null;
        }
    }
}
