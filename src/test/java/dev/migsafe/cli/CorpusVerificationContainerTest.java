package dev.migsafe.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.migsafe.test.UsesCorpus;
import dev.migsafe.verify.RequiresDocker;

/**
 * The corpus cuts on Testcontainers: the PostgreSQL histories on the PostgreSQL image, Authelia's
 * MySQL history on the MySQL-family image (MariaDB in CI), images as configured (MIGSAFE_*_IMAGE).
 */
@RequiresDocker
@UsesCorpus
class CorpusVerificationContainerTest extends CorpusVerification {

    static Stream<Arguments> allCuts() {
        return cuts(CorpusCut.MARQUEZ, CorpusCut.HARBOR, CorpusCut.AUTHELIA_POSTGRES, CorpusCut.AUTHELIA_MYSQL,
                CorpusCut.TRACCAR);
    }

    @ParameterizedTest(name = "{0}, the last {1} migrations")
    @MethodSource("allCuts")
    void verifiesOnTestcontainers(CorpusCut history, int last, @TempDir Path tmp) throws IOException {
        verify(history, last, "testcontainers", tmp);
    }
}
