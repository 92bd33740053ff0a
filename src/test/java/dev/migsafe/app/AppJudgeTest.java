package dev.migsafe.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.migsafe.rules.Category;
import dev.migsafe.rules.Finding;
import dev.migsafe.rules.Severity;

/** Findings in, findings judged by the older release's uses out. */
class AppJudgeTest {
    private static final Use ENTITY_NAME = new Use("users", "name", Use.ENTITY, "src/main/java/a/User.java", 14,
            "@Column(name = \"name\") String name", true);
    private static final Use SELECT_STAR = new Use("orders", "*", Use.SQL_STRING, "src/main/java/a/Dao.java", 9,
            "SELECT * FROM orders", false);

    @Test
    void aUsedColumnStaysAnErrorAndSaysWhere() {
        Finding f = judge(finding("BC104", "users.name"), app(List.of(ENTITY_NAME), List.of()));
        assertEquals(Severity.ERROR, f.severity());
        assertTrue(f.message().startsWith("v1 maps users.name: src/main/java/a/User.java:14 @Column(name = \"name\") String name; "
                + "the older release"), f.message());
        assertEquals(List.of(new Finding.Usage("src/main/java/a/User.java", 14, "entity", "@Column(name = \"name\") String name")),
                f.usage());
    }

    @Test
    void anUnusedColumnDropsToAWarningThatSaysWhatWasScanned() {
        Finding f = judge(finding("BC104", "users.nick"), app(List.of(ENTITY_NAME), List.of()));
        assertEquals(Severity.WARNING, f.severity());
        assertEquals("no use of users.nick in v1's 84 files: 12 entities, 9 SQL strings: its code does not depend on it,"
                + " so the older release keeps working", f.message());
    }

    @Test
    void selectStarUsesEveryColumn() {
        assertEquals(Severity.ERROR, judge(finding("BC105", "orders.total"), app(List.of(SELECT_STAR), List.of())).severity());
    }

    @Test
    void anUnresolvedQueryNamingTheTableKeepsTheError() {
        Unresolved dynamic = new Unresolved("src/main/java/a/Dao.java", 30, Use.SQL_STRING, "SELECT nick FROM ... users",
                "SQL built at run time");
        Finding f = judge(finding("BC104", "users.nick"), app(List.of(), List.of(dynamic)));
        assertEquals(Severity.ERROR, f.severity());
        assertTrue(f.message().contains("1 SQL text it could not resolve may touch users (src/main/java/a/Dao.java:30)"),
                f.message());
    }

    @Test
    void aSourceFileThatCouldNotBeReadKeepsTheError() {
        Unresolved broken = new Unresolved("src/main/java/a/Broken.java", 0, Unresolved.JAVA, "", "not parsed: ...");
        Finding f = judge(finding("BC104", "users.nick"), app(List.of(), List.of(broken)));
        assertEquals(Severity.ERROR, f.severity());
        assertTrue(f.message().contains("1 source file could not be read (src/main/java/a/Broken.java)"), f.message());
    }

    @Test
    void aNewRequiredColumnDependsOnWritesToTheTable() {
        Use read = new Use("users", "id", Use.SQL_STRING, "a.java", 1, "SELECT id FROM users", false);
        assertEquals(Severity.WARNING, judge(finding("BC106", "users.email"), app(List.of(read), List.of())).severity());
        assertEquals(Severity.ERROR, judge(finding("BC106", "users.email"), app(List.of(ENTITY_NAME), List.of())).severity());
    }

    @Test
    void aDroppedViewIsUsedWhenItsNameAppearsAnywhere() {
        AppUses app = new AppUses("v1", 84, 12, 9, List.of(), List.of(), Set.of("active_users"));
        assertEquals(Severity.ERROR, judge(finding("BC110", "active_users"), app).severity());
        assertEquals(Severity.WARNING, judge(finding("BC110", "old_view"), app).severity());
    }

    @Test
    void withoutCodeFindingsAreUnchanged() {
        List<Finding> findings = List.of(finding("BC104", "users.nick"));
        assertSame(findings, AppJudge.apply(findings, null));
        assertSame(findings, AppJudge.apply(findings, new AppUses("v1", 0, 0, 0, List.of(), List.of(), Set.of())));
    }

    private static Finding judge(Finding f, AppUses app) {
        return AppJudge.apply(List.of(f), app).get(0);
    }

    private static AppUses app(List<Use> uses, List<Unresolved> unresolved) {
        return new AppUses("v1", 84, 12, 9, uses, unresolved, Set.of());
    }

    private static Finding finding(String rule, String object) {
        return new Finding(rule, "x", Category.BACKWARD_COMPATIBILITY, Severity.ERROR, "db/V3__x.sql", 1, object,
                "ALTER TABLE ...", "the older release still reads and writes " + object, "fix", false, null);
    }
}
