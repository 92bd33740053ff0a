package dev.migsafe.verify;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a cleanup exactly once: when {@link #run()} is called, or when the JVM exits first
 * (Ctrl-C during a verification must not leave a container or a server behind).
 */
final class ExitCleanup implements Runnable {

    private final AutoCloseable action;
    private final String what;
    private final AtomicBoolean done = new AtomicBoolean();
    private final Thread hook;

    private ExitCleanup(AutoCloseable action, String what) {
        this.action = action;
        this.what = what;
        this.hook = new Thread(this::runOnce, "migsafe-cleanup");
    }

    static ExitCleanup register(AutoCloseable action, String what) {
        ExitCleanup cleanup = new ExitCleanup(action, what);
        Runtime.getRuntime().addShutdownHook(cleanup.hook);
        return cleanup;
    }

    @Override
    public void run() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: runOnce below makes the double call harmless
        }
        runOnce();
    }

    private void runOnce() {
        if (!done.compareAndSet(false, true)) {
            return;
        }
        try {
            action.close();
        } catch (Exception e) {
            System.err.println("migsafe: could not clean up " + what + ": " + e.getMessage());
        }
    }
}
