package dev.migsafe.sql;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;

/**
 * JSqlParser with each dialect's options and a time limit: some inputs make it backtrack for a
 * very long time, and a statement it cannot parse in time is handled like one it cannot parse.
 * One daemon thread pool is shared by all parsers (JSqlParser runs each parse on an executor to
 * enforce the limit).
 */
final class JSqlParsing {

    /** Milliseconds one statement may take. */
    static final long TIMEOUT_MS = 3000;

    private static final ExecutorService EXECUTOR = Executors.newCachedThreadPool(new java.util.concurrent.ThreadFactory() {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "migsafe-jsqlparser-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    });

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
        char quote = dialect == Dialect.MYSQL ? '`' : '"';
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
            return CCJSqlParserUtil.parse(sql, EXECUTOR, parser -> {
                parser.withSquareBracketQuotation(false)
                        .withAllowComplexParsing(true)
                        .withTimeOut(TIMEOUT_MS);
                if (dialect == Dialect.MYSQL) {
                    parser.withBackslashEscapeCharacter(true).withHashLineComments(true);
                }
            });
        } catch (JSQLParserException | RuntimeException e) {
            why.append(reason(e));
            return null;
        }
    }

    /** JSqlParser's reason on one line, in the user's terms (its message may name Java classes). */
    private static String reason(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StackOverflowError) {
                return "too deeply nested to parse";
            }
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (message.contains("StackOverflowError")) {
            return "too deeply nested to parse";
        }
        return message.lines().findFirst().orElse(message);
    }
}
