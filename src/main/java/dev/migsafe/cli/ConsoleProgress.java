package dev.migsafe.cli;

import java.io.PrintWriter;

import dev.migsafe.report.Printable;
import dev.migsafe.verify.ProgressListener;
import dev.migsafe.verify.Step;

/**
 * The live progress display of a verification, on stderr (stdout carries the report). On a terminal
 * the current step's line is redrawn with the step's elapsed time, the migration n/N it applies and the
 * first line of the statement running on the server with its time. Elsewhere (CI logs) each step is
 * one line, plus one line for a migration that runs longer than {@link #SLOW_MS}, at most one per
 * migration, so a log shows what a long verification is doing without a line per quick migration.
 */
final class ConsoleProgress implements ProgressListener, AutoCloseable {
    private static final String CLEAR_LINE = "\r\u001b[2K";
    static final long SLOW_MS = 2000;
    private static final int WIDTH = 150;

    private final PrintWriter err;
    private final boolean live;
    private final Thread ticker;
    private String current;
    private String detail = "";
    private long startedAt;
    private int index;
    /** "migration 3/20 db/migration/V3__x.sql", or null between migrations. */
    private String migration;
    private long migrationStartedAt;
    private boolean migrationShown;
    /** First line of the statement the server runs now, or null. */
    private String statement;
    private long statementMs;

    ConsoleProgress(PrintWriter err, boolean live) {
        this.err = err;
        this.live = live;
        this.ticker = new Thread(this::tick, "migsafe-progress");
        ticker.setDaemon(true);
        ticker.start();
    }

    @Override
    public synchronized void stepStarted(String name) {
        index++;
        current = name;
        detail = "";
        migration = null;
        statement = null;
        startedAt = System.nanoTime();
        if (live) {
            redraw();
        }
    }

    @Override
    public synchronized void message(String text) {
        detail = Printable.escape(text);
        if (live) {
            redraw();
        }
    }

    @Override
    public synchronized void migration(int n, int total, String path) {
        migration = "migration " + n + "/" + total + " " + Printable.escape(path);
        migrationStartedAt = System.nanoTime();
        migrationShown = false;
        statement = null;
        if (live) {
            redraw();
        }
    }

    @Override
    public synchronized void statement(String text, long runningMs) {
        statement = Printable.escape(text);
        statementMs = runningMs;
    }

    @Override
    public synchronized void stepFinished(Step step) {
        String status = switch (step.status()) {
            case PASSED -> "passed";
            case FAILED -> "FAILED";
            case SKIPPED -> "skipped";
        };
        err.print((live ? CLEAR_LINE : "") + String.format("verify [%d] %-24s %-7s %5.1fs%n", index, step.name(), status,
                step.durationMs() / 1000.0));
        err.flush();
        current = null;
        migration = null;
    }

    /** What runs now: "migration 3/20 V3__x.sql: CREATE INDEX ... (4.1s)", or the step's last message. */
    private String doing() {
        if (migration == null) {
            return detail;
        }
        return migration + (statement == null ? "" : ": " + statement + String.format(" (%.1fs)", statementMs / 1000.0));
    }

    private synchronized void redraw() {
        if (current == null) {
            return;
        }
        double seconds = (System.nanoTime() - startedAt) / 1e9;
        err.print(CLEAR_LINE + fit(String.format("verify [%d] %-24s %5.1fs  %s", index, current, seconds, doing())));
        err.flush();
    }

    /** Off a terminal: one line for a migration that has run for {@link #SLOW_MS}, once. */
    private synchronized void reportSlowMigration() {
        if (current == null || migration == null || migrationShown) {
            return;
        }
        long ms = (System.nanoTime() - migrationStartedAt) / 1_000_000;
        if (ms < SLOW_MS) {
            return;
        }
        migrationShown = true;
        err.println(fit(String.format("verify [%d] %s: %s running %.1fs%s", index, current, migration, ms / 1000.0,
                statement == null ? "" : ": " + statement)));
        err.flush();
    }

    private static String fit(String line) {
        return line.length() > WIDTH ? line.substring(0, WIDTH - 3) + "..." : line;
    }

    private void tick() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
            if (live) {
                redraw();
            } else {
                reportSlowMigration();
            }
        }
    }

    @Override
    public void close() {
        ticker.interrupt();
    }
}
