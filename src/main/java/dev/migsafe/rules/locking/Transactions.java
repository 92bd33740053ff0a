package dev.migsafe.rules.locking;

import java.util.List;

import dev.migsafe.change.Change;
import dev.migsafe.rules.ServerVersion;
import dev.migsafe.source.Migration;
import dev.migsafe.sql.MigrationScript;
import dev.migsafe.sql.TransactionMode;
import dev.migsafe.dialect.Dialect;
import dev.migsafe.sql.ParsedStatement;

/**
 * Which statements of a script run inside a transaction, and in which one: the runner's wrapping
 * of the file (see {@link #runnerWrapping}) and the script's own BEGIN / COMMIT. PostgreSQL only:
 * MySQL commits implicitly around every DDL statement, so its DDL never shares a transaction.
 */
public final class Transactions {
    /** per statement: the transaction it runs in (0 = the runner's, 1.. = explicit blocks), or -1 */
    private final int[] block;
    private final int[] startLine;
    private final String runnerWrapping;

    private Transactions(int[] block, int[] startLine, String runnerWrapping) {
        this.block = block;
        this.startLine = startLine;
        this.runnerWrapping = runnerWrapping;
    }

    public static Transactions of(Migration migration, MigrationScript script, List<ParsedStatement> statements,
                                  ServerVersion server) {
        int n = statements.size();
        int[] block = new int[n];
        int[] startLine = new int[n];
        if (!server.dialect().server().transactionalDdl()) {
            java.util.Arrays.fill(block, -1);
            return new Transactions(block, startLine, null);
        }
        String wrapping = runnerWrapping(migration, script, statements, server);
        int current = wrapping != null ? 0 : -1;
        int currentStart = script.firstLine();
        int next = 1;
        for (int i = 0; i < n; i++) {
            String control = control(statements.get(i));
            if ("BEGIN".equals(control) && current < 0) {
                current = next++;
                currentStart = statements.get(i).statement().line();
            }
            block[i] = current;
            startLine[i] = currentStart;
            if ("COMMIT".equals(control)) {
                current = -1;
            }
        }
        return new Transactions(block, startLine, wrapping);
    }

    /**
     * Why the runner wraps the whole file in one transaction, or null when it does not:
     * <ul>
     *   <li>a script setting ({@link TransactionMode}) decides first;</li>
     *   <li>Flyway runs each file in a transaction unless it detects a statement that cannot run
     *   in one (CREATE INDEX CONCURRENTLY, VACUUM ...), then it runs the file without;</li>
     *   <li>Liquibase, diesel and dbmate run each migration in a transaction;</li>
     *   <li>golang-migrate (up/down files) sends a file as one multi-statement query, which
     *   PostgreSQL runs as one implicit transaction when it holds more than one statement;</li>
     *   <li>plain SQL files: no runner, no wrapping.</li>
     * </ul>
     */
    static String runnerWrapping(Migration migration, MigrationScript script, List<ParsedStatement> statements,
                                 ServerVersion server) {
        if (script.transaction() == TransactionMode.NO_TRANSACTION) {
            return null;
        }
        if (script.transaction() == TransactionMode.IN_TRANSACTION) {
            return "the script's settings ask the runner to wrap it in a transaction";
        }
        // no default: a new tool does not compile until it says how it runs a script
        return switch (migration.tool()) {
            case FLYWAY -> statements.stream().anyMatch(s -> NonTransactional.reason(s, server) != null) ? null
                    : "Flyway runs each migration in a transaction";
            case LIQUIBASE -> "Liquibase runs each changeSet in a transaction (runInTransaction defaults to true)";
            case DIESEL -> "diesel runs each migration in a transaction";
            case DBMATE -> "dbmate runs each migration in a transaction unless its marker says transaction:false";
            case GOLANG_MIGRATE -> statements.size() > 1 ? "golang-migrate sends the file as one multi-statement query, "
                    + "which PostgreSQL runs as one transaction" : null;
            case PLAIN_SQL -> null;
        };
    }

    /** "BEGIN" (BEGIN, START TRANSACTION), "COMMIT" (COMMIT, ROLLBACK, END, ABORT) or null. */
    public static String control(ParsedStatement statement) {
        for (Change c : statement.changes()) {
            if (c instanceof Change.Other o) {
                switch (o.kind()) {
                    case "BEGIN", "START TRANSACTION" -> { return "BEGIN"; }
                    case "COMMIT", "ROLLBACK" -> { return "COMMIT"; }
                    default -> { }
                }
            }
        }
        return null;
    }

    public boolean inTransaction(int statement) {
        return block[statement] >= 0;
    }

    public boolean sameTransaction(int a, int b) {
        return block[a] >= 0 && block[a] == block[b];
    }

    /** Why statement {@code i} runs in a transaction, for messages; null when it does not. */
    public String why(int statement) {
        if (block[statement] < 0) {
            return null;
        }
        return block[statement] == 0 ? runnerWrapping : "the transaction opened by BEGIN on line " + startLine[statement];
    }
}
