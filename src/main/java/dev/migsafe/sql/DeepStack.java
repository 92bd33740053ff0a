package dev.migsafe.sql;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Threads with a large, fixed stack for the work that recurses over user input: JSqlParser's
 * grammar and visitors and migsafe's own readers walk expressions one stack frame per nesting
 * level, so a view of thousands of {@code +} terms or parentheses thousands deep would overflow an
 * ordinary thread's stack. On these threads such statements are read in full up to a generous
 * depth; beyond it the {@link StackOverflowError} is caught per statement and the statement is
 * reported as not understood (PS501), never as a crash.
 */
final class DeepStack {

    /** Bytes of stack per thread: reserved address space, committed only as deep as a statement goes. */
    static final long STACK_BYTES = 64L * 1024 * 1024;

    /** What a statement too deep even for these threads is reported as. */
    static final String TOO_DEEP = "too deeply nested to analyse (expressions, parentheses or subqueries nested"
            + " thousands deep); simplify the statement or review it by hand";

    private static final ThreadGroup GROUP = new ThreadGroup("migsafe-deep-stack");

    /** Shared, daemon, created on demand and reused (a cached pool: idle threads end after a minute). */
    static final ExecutorService EXECUTOR = Executors.newCachedThreadPool(new ThreadFactory() {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(GROUP, r, "migsafe-sql-" + count.incrementAndGet(), STACK_BYTES);
            t.setDaemon(true);
            return t;
        }
    });

    private DeepStack() {
    }

    /** Runs {@code work} on a deep-stack thread (directly when already on one) and returns its result. */
    static <T> T call(Supplier<T> work) {
        if (Thread.currentThread().getThreadGroup() == GROUP) {
            return work.get();
        }
        Future<T> future = EXECUTOR.submit(work::get);
        try {
            return future.get();
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading SQL", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** True when {@code t} or one of its causes is a stack overflow. */
    static boolean overflowed(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof StackOverflowError) {
                return true;
            }
        }
        return false;
    }
}
