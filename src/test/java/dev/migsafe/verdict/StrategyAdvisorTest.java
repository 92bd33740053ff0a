package dev.migsafe.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import dev.migsafe.dialect.Dialect;
import dev.migsafe.tool.MigrationTool;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;

import dev.migsafe.analysis.AnalysisRequest;
import dev.migsafe.analysis.AnalysisResult;
import dev.migsafe.analysis.Analyzer;
import dev.migsafe.dialect.Dialect;
import dev.migsafe.rules.RuleCatalog;
import dev.migsafe.source.Migration;
import dev.migsafe.sql.MigrationScript;
import dev.migsafe.sql.SqlScriptParser;
import dev.migsafe.verify.Step;
import dev.migsafe.verify.Verification;
import dev.migsafe.verify.Verifier;

/** The ways back take in what the rehearsal on a real database proved about the downs. */
class StrategyAdvisorTest {

    private static final Migration USERS = migration("1", "CREATE TABLE users (id int PRIMARY KEY, name text);", null);
    /** An additive migration with a down: statically a clean, lossless way back. */
    private static final Migration NICKNAME = migration("2", "ALTER TABLE users ADD COLUMN nickname text;",
            "ALTER TABLE users DROP COLUMN nickname;");

    @Test
    void withoutAVerificationTheDownsAreJudgedFromTheAnalysisAlone() {
        Strategy downs = downs(null);
        assertTrue(downs.feasible());
        assertFalse(downs.notes().contains("Rehearsed"), downs.notes());
    }

    @Test
    void aPassedRehearsalIsSaid() {
        Strategy downs = downs(rehearsal(Step.passed(Verifier.REHEARSAL, 10, "ok")));
        assertTrue(downs.feasible());
        assertTrue(downs.notes().endsWith("Rehearsed on PostgreSQL 16.15: deploy, downs, deploy again gave back the"
                + " older schema with every row and value."), downs.notes());
    }

    @Test
    void aDownThatFailedWhenRehearsedIsNotAWayBack() {
        Strategy downs = downs(rehearsal(Step.failed(Verifier.REHEARSAL, 10, "a down failed",
                List.of("down of migration 2 (U2__m.sql line 1: ALTER TABLE ...) failed: ERROR: boom"))));
        assertFalse(downs.feasible());
        assertTrue(downs.notes().startsWith("A down failed when rehearsed on PostgreSQL 16.15: down of migration 2"),
                downs.notes());
    }

    @Test
    void valuesLostInTheRehearsalMakeTheLossCertain() {
        Strategy downs = downs(rehearsal(Step.failed(Verifier.REHEARSAL, 10, "not clean",
                List.of("after the downs: 3 of 3 values of users.name are gone (NULL now)"))));
        assertTrue(downs.feasible());
        assertEquals("certain", downs.dataLoss());
        assertTrue(downs.notes().contains("the downs do not cleanly restore the older release: after the downs: 3 of 3"),
                downs.notes());
    }

    @Test
    void appOnlySaysWhichStepFailedWhenNoFindingBlocks() {
        Verification v = rehearsal(Step.failed(Verifier.REHEARSAL, 10, "not clean", List.of("after the downs: x")));
        Strategy appOnly = StrategyAdvisor.strategies(result(), Verdict.NO_GO, "v1", v).get(0);
        assertFalse(appOnly.feasible());
        assertEquals("The older release cannot run on the new schema (the verification failed on PostgreSQL 16.15:"
                + " rollback rehearsal).", appOnly.notes());
    }

    private static AnalysisResult result() {
        return new Analyzer(new SqlScriptParser(), RuleCatalog.all()).run(new AnalysisRequest(
                Dialect.POSTGRESQL, List.of(USERS), List.of(USERS, NICKNAME), AnalysisRequest.Window.RANGE, Map.of()));
    }

    private static Strategy downs(Verification verification) {
        return StrategyAdvisor.strategies(result(), Verdict.GO, "v1", verification).stream()
                .filter(s -> s.name().equals(Strategy.DOWN_MIGRATIONS)).findFirst().orElseThrow();
    }

    private static Verification rehearsal(Step step) {
        return new Verification("embedded", "PostgreSQL 16.15", List.of(Step.passed(Verifier.START, 1, "up"), step));
    }

    private static Migration migration(String version, String up, String down) {
        return new Migration(version, MigrationVersion.fromVersion(version), "m", Migration.Kind.VERSIONED, MigrationTool.FLYWAY,
                new MigrationScript("V" + version + "__m.sql", up),
                down == null ? null : new MigrationScript("U" + version + "__m.sql", down));
    }
}
