package dev.migsafe.test;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/**
 * The real migration histories in {@code ../shared/corpus}, read in place (never copied into the
 * project). {@code -Dmigsafe.corpus=DIR} points elsewhere. Without the corpus a test skips with a
 * message, except in CI ({@code MIGSAFE_REQUIRE_CORPUS=true}), where it fails: a corpus test that
 * silently skips proves nothing.
 */
public final class Corpus {

    private Corpus() {
    }

    /** The corpus folder as configured; it may not exist. */
    public static Path root() {
        return Path.of(System.getProperty("migsafe.corpus", Path.of("..", "shared", "corpus").toString()));
    }

    /** A folder of the corpus; skips (or fails in CI) when it is not there. */
    public static Path require(String relative) {
        Path dir = root().resolve(relative);
        if (!Files.exists(dir)) {
            String why = "corpus folder " + dir.toAbsolutePath().normalize() + " not found (set -Dmigsafe.corpus=DIR)";
            if ("true".equals(System.getenv("MIGSAFE_REQUIRE_CORPUS"))) {
                throw new AssertionError(why + "; MIGSAFE_REQUIRE_CORPUS=true");
            }
            Assumptions.abort(why);
        }
        return dir;
    }
}
