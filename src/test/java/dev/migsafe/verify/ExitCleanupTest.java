package dev.migsafe.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class ExitCleanupTest {

    @Test
    void cleansUpOnceHoweverOftenItIsAsked() {
        AtomicInteger runs = new AtomicInteger();
        ExitCleanup cleanup = ExitCleanup.register(runs::incrementAndGet, "counter");
        cleanup.run();
        cleanup.run();
        assertEquals(1, runs.get());
    }
}
