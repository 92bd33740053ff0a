package dev.migsafe.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.migsafe.test.UsesCorpus;
import dev.migsafe.test.UsesDatabase;

/** The PostgreSQL histories of the corpus, cut at three points, verified on embedded PostgreSQL. */
@UsesDatabase
@UsesCorpus
class CorpusVerificationEmbeddedTest extends CorpusVerification {

    static Stream<Arguments> postgresCuts() {
        return cuts(CorpusCut.MARQUEZ, CorpusCut.HARBOR, CorpusCut.AUTHELIA_POSTGRES, CorpusCut.TRACCAR);
    }

    @ParameterizedTest(name = "{0}, the last {1} migrations")
    @MethodSource("postgresCuts")
    void verifiesOnEmbeddedPostgres(CorpusCut history, int last, @TempDir Path tmp) throws IOException {
        verify(history, last, "embedded", tmp);
    }
}
