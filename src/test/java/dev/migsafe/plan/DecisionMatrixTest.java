package dev.migsafe.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migsafe.verdict.Strategy;

class DecisionMatrixTest {

    private static List<Strategy> strategies(boolean appOnly, boolean downs, String downLoss) {
        return List.of(new Strategy(Strategy.APP_ONLY, appOnly, "none", ""),
                new Strategy(Strategy.DOWN_MIGRATIONS, downs, downLoss, ""),
                new Strategy(Strategy.RESTORE, true, "certain", ""),
                new Strategy(Strategy.ROLL_FORWARD, true, "none", ""));
    }

    private static String pick(List<Strategy> s, IncidentSeverity severity) {
        return DecisionMatrix.decide(s, severity).recommended();
    }

    @Test
    void appOnlyWinsWheneverItIsPossible() {
        for (IncidentSeverity s : IncidentSeverity.values()) {
            assertEquals(Strategy.APP_ONLY, pick(strategies(true, true, "certain"), s));
        }
    }

    @Test
    void losslessDownsWinAtAnySeverity() {
        for (IncidentSeverity s : IncidentSeverity.values()) {
            assertEquals(Strategy.DOWN_MIGRATIONS, pick(strategies(false, true, "none"), s));
        }
    }

    @Test
    void severityWeighsTimeAgainstData() {
        List<Strategy> lossy = strategies(false, true, "certain");
        assertEquals(Strategy.ROLL_FORWARD, pick(lossy, IncidentSeverity.LOW));
        assertEquals(Strategy.ROLL_FORWARD, pick(lossy, IncidentSeverity.HIGH));
        assertEquals(Strategy.DOWN_MIGRATIONS, pick(lossy, IncidentSeverity.CRITICAL));

        List<Strategy> risky = strategies(false, true, "possible");
        assertEquals(Strategy.ROLL_FORWARD, pick(risky, IncidentSeverity.LOW));
        assertEquals(Strategy.DOWN_MIGRATIONS, pick(risky, IncidentSeverity.HIGH));

        List<Strategy> noDowns = strategies(false, false, "none");
        assertEquals(Strategy.ROLL_FORWARD, pick(noDowns, IncidentSeverity.HIGH));
        assertEquals(Strategy.RESTORE, pick(noDowns, IncidentSeverity.CRITICAL));
    }

    @Test
    void everyRowSaysWhenToChooseIt() {
        DecisionMatrix m = DecisionMatrix.decide(strategies(false, true, "possible"), IncidentSeverity.HIGH);
        assertEquals("never (not possible)", m.row(Strategy.APP_ONLY).orElseThrow().choose());
        assertEquals("high or critical", m.row(Strategy.DOWN_MIGRATIONS).orElseThrow().choose());
        assertEquals(4, m.rows().size());
    }
}
