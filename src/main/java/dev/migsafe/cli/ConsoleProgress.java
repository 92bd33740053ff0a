package dev.migsafe.cli;

import java.io.PrintWriter;

import dev.migsafe.report.Printable;
import dev.migsafe.verify.ProgressListener;
import dev.migsafe.verify.Step;

/**
 * The live progress display of a verification, on stderr (stdout carries the report). On a terminal
 * the current step's line is redrawn with an elapsed-time counter; elsewhere each step is one line.
 */
final class ConsoleProgress implements ProgressListener, AutoCloseable {
    private static final String CLEAR_LINE = "\r\u001b[2K";

    private final PrintWriter err;
    private final boolean live;
    private final Thread ticker;
    private volatile String current;
    private volatile String detail = "";
    private volatile long startedAt;
    private int index;

    ConsoleProgress(PrintWriter err, boolean live) {
        this.err = err;
        this.live = live;
        this.ticker = live ? new Thread(this::tick, "migsafe-progress") : null;
        if (ticker != null) {
            ticker.setDaemon(true);
            ticker.start();
        }
    }

    @Override
    public synchronized void stepStarted(String name) {
        index++;
        current = name;
        detail = "";
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
    }

    private synchronized void redraw() {
        if (current == null) {
            return;
        }
        double seconds = (System.nanoTime() - startedAt) / 1e9;
        String line = String.format("verify [%d] %-24s %5.1fs  %s", index, current, seconds, detail);
        err.print(CLEAR_LINE + (line.length() > 150 ? line.substring(0, 147) + "..." : line));
        err.flush();
    }

    private void tick() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
            redraw();
        }
    }

    @Override
    public void close() {
        if (ticker != null) {
            ticker.interrupt();
        }
    }
}
