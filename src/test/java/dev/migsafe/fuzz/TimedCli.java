package dev.migsafe.fuzz;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import dev.migsafe.cli.GitHubActionsSimulation;
import dev.migsafe.cli.Main;

/**
 * Runs the CLI in-process on a worker thread with a deadline, so that a hang is a failed case and not
 * a stuck build. A worker that misses its deadline is abandoned (and stopped where the JVM still allows
 * it) and a fresh one takes the next case.
 */
final class TimedCli implements AutoCloseable {
    private final Duration timeout;
    private final AtomicReference<Thread> worker = new AtomicReference<>();
    private ExecutorService executor;

    TimedCli(Duration timeout) {
        this.timeout = timeout;
        this.executor = newExecutor();
    }

    CaseResult run(List<String> args, boolean github) {
        long start = System.nanoTime();
        Future<CaseResult> future = executor.submit(() -> {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            GitHubActionsSimulation.set(github);
            try {
                int code = Main.execute(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
                return new CaseResult(code, out.toString(), err.toString(), null, false, elapsed(start));
            } catch (Throwable t) { // a StackOverflowError or anything else the CLI let through: that is the finding
                return new CaseResult(-1, out.toString(), err.toString(), t, false, elapsed(start));
            } finally {
                GitHubActionsSimulation.set(false);
            }
        });
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            abandon(future);
            return new CaseResult(-1, "", "", null, true, elapsed(start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    @SuppressWarnings({"deprecation", "removal"})
    private void abandon(Future<CaseResult> future) {
        future.cancel(true);
        Thread hung = worker.get();
        executor.shutdownNow();
        executor = newExecutor();
        if (hung == null) {
            return;
        }
        try {
            hung.join(1000);
            if (hung.isAlive()) {
                hung.stop(); // Java 17 still stops a spinning thread; it would otherwise eat a CPU for minutes
            }
        } catch (UnsupportedOperationException | InterruptedException e) {
            // newer JVMs refuse: the daemon thread is left to finish on its own
        }
        GitHubActionsSimulation.set(false);
    }

    private ExecutorService newExecutor() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "migsafe-fuzz-case");
            t.setDaemon(true);
            worker.set(t);
            return t;
        });
    }

    private static long elapsed(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
