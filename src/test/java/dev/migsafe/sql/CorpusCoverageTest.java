package dev.migsafe.sql;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import dev.migsafe.test.Corpus;
import dev.migsafe.test.UsesCorpus;

/**
 * Parses the real-migration corpus when it is present (it is not part of the project) and holds
 * the sql stage to its target: at least 98% of statements understood, no file failing to split.
 */
@UsesCorpus
class CorpusCoverageTest {

    @Test
    void corpusIsUnderstood() {
        Corpus.require(".");
        List<CorpusCoverage.Figures> all = new ArrayList<>();
        for (CorpusCoverage.Project project : CorpusCoverage.projects(CorpusCoverage.DEFAULT_CORPUS)) {
            all.add(CorpusCoverage.measure(project));
        }
        System.out.print(CorpusCoverage.report(all));
        int statements = all.stream().mapToInt(CorpusCoverage.Figures::statements).sum();
        int understood = all.stream().mapToInt(CorpusCoverage.Figures::understood).sum();
        assumeTrue(statements > 0, "corpus has no SQL files: skipped");
        assertTrue(understood >= 0.98 * statements, () -> "understood " + understood + " of " + statements);
        for (CorpusCoverage.Figures f : all) {
            assertTrue(f.errors().isEmpty(), () -> f.project() + " has files that do not split: " + f.errors());
        }
    }
}
