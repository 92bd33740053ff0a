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

    /** A narrowing and a rename in one range: BC105 and DL202 on items.price, BC102 on items.qty. */
    private static final Migration ITEMS = migration("1", "CREATE TABLE items (id int PRIMARY KEY, price numeric(10,2) NOT NULL,"
            + " qty int NOT NULL);", null);
    private static final Migration NARROW = migration("2", "ALTER TABLE items ALTER COLUMN price TYPE numeric(7,2);",
            "ALTER TABLE items ALTER COLUMN price TYPE numeric(10,2);");
    private static final Migration RENAME = migration("3", "ALTER TABLE items RENAME COLUMN qty TO quantity;",
            "ALTER TABLE items RENAME COLUMN quantity TO qty;");
    private static final String QTY_FAILS = "items.qty: SELECT fails: column \"qty\" does not exist - caused by migration 3";
    private static final String SEEDED_EDGES = "inserted 4 row(s) into 1 table(s), 1 of them with values at the limits"
            + " of the older type of items.price (longest text with non-ASCII letters, largest precision and scale,"
            + " negative numbers, extreme dates and times)";

    @Test
    void appOnlyNamesWhatTheDatabaseProvedAndWhatItDidNotReproduce() {
        Verification v = steps(Step.passed(Verifier.SEED, 1, "inserted 3 row(s) into 1 table(s)"),
                Step.passed(Verifier.APPLY_RANGE, 1, "applied"),
                Step.failed(Verifier.CONTRACT, 1, "breaks", List.of(QTY_FAILS, QTY_FAILS.replace("SELECT", "UPDATE"))),
                Step.passed(Verifier.REHEARSAL, 1, "ok"));
        Strategy appOnly = strategy(narrowAndRename(), Verdict.NO_GO, v, Strategy.APP_ONLY);
        assertEquals("The older release cannot run on the new schema: it still uses items.price (predicted by BC105,"
                + " not reproduced on PostgreSQL 16.15 by older-release contract: the older release's SELECT, INSERT, UPDATE"
                + " and DELETE of it work on PostgreSQL 16.15, but the seeded values fit the new type; values the older"
                + " type allows beyond it still fail), items.qty (proved on PostgreSQL 16.15 by older-release contract:"
                + " SELECT and UPDATE of the older release fail).", appOnly.notes());
        assertEquals(List.of(new Strategy.Evidence("items.price", "contradicted", Verifier.CONTRACT, "BC105",
                        appOnly.evidence().get(0).detail()),
                new Strategy.Evidence("items.qty", "proved", Verifier.CONTRACT, "BC102", "SELECT and UPDATE of the older release fail")),
                appOnly.evidence());
    }

    @Test
    void aRangeThatFailsOnTheNarrowedColumnProvesItAndLeavesTheRestPredicted() {
        Verification v = steps(Step.passed(Verifier.SEED, 1, SEEDED_EDGES),
                Step.failed(Verifier.APPLY_RANGE, 1, "the deploy would fail", List.of("migration 2 (V2__m.sql line 1:"
                        + " ALTER TABLE items ALTER COLUMN price TYPE numeric(7,2)) failed: ERROR: numeric field overflow")),
                Step.skipped(Verifier.CONTRACT, "skipped: the range does not apply"),
                Step.skipped(Verifier.REHEARSAL, "skipped: the range does not apply"));
        List<Strategy> all = StrategyAdvisor.strategies(narrowAndRename(), Verdict.NO_GO, "v1", v);
        Strategy appOnly = all.get(0);
        assertEquals("proved", appOnly.evidence().get(0).basis());
        assertEquals("V2__m.sql line 1 fails: ERROR: numeric field overflow", appOnly.evidence().get(0).detail());
        assertEquals(new Strategy.Evidence("items.qty", "predicted", null, "BC102",
                "not checked on PostgreSQL 16.15: older-release contract skipped: the range does not apply"), appOnly.evidence().get(1));
        assertFalse(appOnly.notes().contains("the range itself fails"), "told once, per object: " + appOnly.notes());
        Strategy downs = all.get(1);
        assertEquals("possible", downs.dataLoss(), downs.notes());
        assertEquals(List.of("DL202"), downs.evidence().stream().map(Strategy.Evidence::ruleId).toList());
    }

    @Test
    void aRehearsalThatKeptTheSeededValuesDoesNotClearALossyNarrowing() {
        Verification v = steps(Step.passed(Verifier.SEED, 1, "inserted 3 row(s) into 1 table(s)"),
                Step.passed(Verifier.APPLY_RANGE, 1, "applied"), Step.passed(Verifier.CONTRACT, 1, "ok"),
                Step.passed(Verifier.REHEARSAL, 1, "ok"));
        Strategy downs = strategy(narrowAndRename(), Verdict.NO_GO, v, Strategy.DOWN_MIGRATIONS);
        assertEquals("possible", downs.dataLoss(), downs.notes());
        assertEquals("predicted", downs.evidence().get(0).basis());
        assertTrue(downs.notes().endsWith("every row and value seeded; those of items.price did not reach the limits of"
                + " the older type, so the loss the rules predict there still stands."), downs.notes());
    }

    @Test
    void aRehearsalThatKeptEdgeValuesContradictsTheNarrowing() {
        Verification v = steps(Step.passed(Verifier.SEED, 1, SEEDED_EDGES),
                Step.passed(Verifier.APPLY_RANGE, 1, "applied"), Step.passed(Verifier.CONTRACT, 1, "ok"),
                Step.passed(Verifier.REHEARSAL, 1, "ok"));
        Strategy downs = strategy(narrowAndRename(), Verdict.NO_GO, v, Strategy.DOWN_MIGRATIONS);
        assertEquals("contradicted", downs.evidence().get(0).basis(), downs.notes());
        assertEquals("none", downs.dataLoss(), downs.notes());
    }

    @Test
    void withoutADatabaseTheDownsAfterANarrowingMayLoseData() {
        Strategy downs = strategy(narrowAndRename(), Verdict.NO_GO, null, Strategy.DOWN_MIGRATIONS);
        assertEquals("possible", downs.dataLoss());
        assertTrue(downs.notes().contains("items.price (predicted by DL202)"), downs.notes());
        Strategy appOnly = strategy(narrowAndRename(), Verdict.NO_GO, null, Strategy.APP_ONLY);
        assertEquals("The older release cannot run on the new schema: it still uses items.price (predicted by BC105),"
                + " items.qty (predicted by BC102).", appOnly.notes());
    }

    private static AnalysisResult narrowAndRename() {
        return new Analyzer(new SqlScriptParser(), RuleCatalog.all()).run(new AnalysisRequest(
                Dialect.POSTGRESQL, List.of(ITEMS), List.of(ITEMS, NARROW, RENAME), AnalysisRequest.Window.RANGE, Map.of()));
    }

    private static Strategy strategy(AnalysisResult result, Verdict verdict, Verification v, String name) {
        return StrategyAdvisor.strategies(result, verdict, "v1", v).stream().filter(s -> s.name().equals(name))
                .findFirst().orElseThrow();
    }

    private static Verification steps(Step... steps) {
        List<Step> all = new java.util.ArrayList<>(List.of(Step.passed(Verifier.START, 1, "up")));
        all.addAll(List.of(steps));
        return new Verification("embedded", "PostgreSQL 16.15", all);
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
