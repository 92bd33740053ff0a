package dev.migsafe.rules.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.migsafe.rules.Finding;
import dev.migsafe.rules.RuleTester;

/** PS501 not-analysed through the real pipeline. */
class NotAnalysedRuleTest {
    @Test
    void notUnderstoodStatementsAreReportedAtTheirLine() {
        Finding f = RuleTester.postgres().only(NotAnalysedRule.ID)
                .released("CREATE TABLE users (id int);")
                .deploy("CREATE TABLE tags (id int);\n\nFROBNICATE users WITH gusto;")
                .onlyFinding();
        assertEquals(3, f.line());
        assertTrue(f.statement().startsWith("FROBNICATE"), f.statement());
        assertTrue(f.message().contains("could not analyse"), f.message());
    }

    @Test
    void notUnderstoodInADown() {
        RuleTester.postgres().only(NotAnalysedRule.ID)
                .released("CREATE TABLE users (id int);")
                .deploy("CREATE TABLE tags (id int);")
                .withDown("FROBNICATE tags; -- expect: PS501\nDROP TABLE tags;")
                .check();
    }
}
