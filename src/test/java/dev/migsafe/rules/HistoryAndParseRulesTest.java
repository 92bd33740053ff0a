package dev.migsafe.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** HS401, HS402 and PS501 through the real pipeline. */
class HistoryAndParseRulesTest {

    @Test
    void releasedMigrationEdited() {
        RuleTester.postgres().only("HS401")
                .released("CREATE TABLE users (id int);")
                .editedInNewer("-- expect: HS401\nCREATE TABLE users (id bigint);")
                .released("CREATE TABLE orders (id int);")
                .deploy("CREATE TABLE tags (id int);")
                .check();
    }

    @Test
    void releasedMigrationRemoved() {
        Finding f = RuleTester.postgres().only("HS401")
                .released("CREATE TABLE users (id int); -- expect: HS401")
                .removedInNewer()
                .released("CREATE TABLE orders (id int);")
                .onlyFinding();
        assertEquals("V1__m.sql", f.file());
        assertTrue(f.message().contains("gone"), f.message());
    }

    @Test
    void newMigrationSortingBeforeAReleasedOne() {
        RuleTester.postgres().only("HS402")
                .released("CREATE TABLE users (id int);")
                .released("CREATE TABLE orders (id int);")
                .deployVersion("1.5", "-- expect: HS402\nCREATE TABLE tags (id int);")
                .deploy("CREATE TABLE later (id int);")
                .check();
    }

    @Test
    void notUnderstoodStatementsAreReportedAtTheirLine() {
        Finding f = RuleTester.postgres().only("PS501")
                .released("CREATE TABLE users (id int);")
                .deploy("CREATE TABLE tags (id int);\n\nFROBNICATE users WITH gusto;")
                .onlyFinding();
        assertEquals(3, f.line());
        assertTrue(f.statement().startsWith("FROBNICATE"), f.statement());
        assertTrue(f.message().contains("could not analyse"), f.message());
    }

    @Test
    void notUnderstoodInADown() {
        RuleTester.postgres().only("PS501")
                .released("CREATE TABLE users (id int);")
                .deploy("CREATE TABLE tags (id int);")
                .withDown("FROBNICATE tags; -- expect: PS501\nDROP TABLE tags;")
                .check();
    }

    @Test
    void suppressionWithAReasonSilencesAndWithoutOneIsReported() {
        RuleTester.postgres().only("BC104", "CF701")
                .released("CREATE TABLE users (id int, a text, b text);")
                .deploy("-- migsafe:ignore BC104 column unused since v1.1\n"
                        + "ALTER TABLE users DROP COLUMN a;\n"
                        + "/* expect: CF701 */ -- migsafe:ignore BC104\n"
                        + "ALTER TABLE users DROP COLUMN b; -- expect: BC104")
                .check();
    }
}
