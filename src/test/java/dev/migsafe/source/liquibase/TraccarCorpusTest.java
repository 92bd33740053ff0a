package dev.migsafe.source.liquibase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.migsafe.dialect.Dialect;
import org.junit.jupiter.api.Test;

import dev.migsafe.source.DirectoryFiles;
import dev.migsafe.source.Migration;
import dev.migsafe.source.MigrationSet;
import dev.migsafe.source.ScriptLoader;
import dev.migsafe.sql.ParsedStatement;
import dev.migsafe.sql.SqlScriptParser;
import dev.migsafe.test.Corpus;
import dev.migsafe.test.UsesCorpus;

/**
 * The whole Traccar Liquibase history (../shared/corpus/traccar) loads with Liquibase's parsers and
 * every change is mapped to change events, for both dialects: none is left to PS501. Prints the
 * coverage.
 */
@UsesCorpus
class TraccarCorpusTest {

    @Test
    void wholeHistoryLoadsAndEveryChangeIsMappedOrReported() {
        Path traccar = Corpus.require("traccar/schema");
        MigrationSet set = new LiquibaseReader(new ScriptLoader(), ChangeSetSelection.ALL, null)
                .read(new DirectoryFiles(traccar, traccar));
        long changeSets = set.migrations().size();
        assertTrue(changeSets >= 29, "one changeSet per included file at least, got " + changeSets);

        for (Dialect dialect : Dialect.values()) {
            int understood = 0;
            int notUnderstood = 0;
            Map<String, Integer> gaps = new TreeMap<>();
            for (Migration m : set.migrations()) {
                List<ParsedStatement> statements = m.preparedUp().resolve(new SqlScriptParser(), dialect);
                for (ParsedStatement ps : statements) {
                    if (ps.isUnderstood()) {
                        understood++;
                    } else {
                        notUnderstood++;
                        gaps.merge(ps.problem(), 1, Integer::sum);
                    }
                }
            }
            int total = understood + notUnderstood;
            System.out.printf("Traccar (%s): %d changeSets, %d statements, %d understood (%.1f%%), %d PS501 %s%n",
                    dialect, changeSets, total, understood, 100.0 * understood / total, notUnderstood, gaps);
            assertTrue(total > changeSets, "every changeSet yields statements");
            // measured 100% for both dialects: a change that stops being mapped is a regression
            assertEquals(Map.of(), gaps, "statements not understood (PS501) in Traccar, " + dialect);
        }
        System.out.println("Traccar notes: " + set.notes());
        System.out.println("Traccar ids: " + set.migrations().stream().map(Migration::id).toList());
    }
}
