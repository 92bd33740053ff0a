package dev.migsafe.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import dev.migsafe.dialect.Dialect;
import org.junit.jupiter.api.Test;

import dev.migsafe.change.Change;

/** Recursion over user input is bounded: deep nesting and recursive procedures are PS501, never a StackOverflowError. */
class DeepNestingTest {

    private static List<ParsedStatement> parse(String sql, Dialect dialect) {
        return new SqlScriptParser().parse(new MigrationScript("V1__x.sql", sql), dialect);
    }

    @Test
    void recursiveProceduresAreNotExpandedForever() {
        List<ParsedStatement> parsed = parse("""
                CREATE PROCEDURE a() BEGIN ALTER TABLE t ADD COLUMN x int; CALL b(); END;
                CREATE PROCEDURE b() BEGIN CALL a(); END;
                CREATE PROCEDURE self() BEGIN CALL self(); END;
                CALL a();
                CALL self();
                """, Dialect.MYSQL);
        assertEquals(5, parsed.size());
        ParsedStatement callA = parsed.get(3);
        assertTrue(callA.problem().contains("procedure a calls itself (procedure a -> procedure b -> procedure a)"),
                callA.problem());
        assertTrue(parsed.get(4).problem().contains("procedure self calls itself"), parsed.get(4).problem());
    }

    @Test
    void doBlocksNestedBeyondTheBoundAreNotExpanded() {
        StringBuilder sql = new StringBuilder("DROP TABLE inner_t;");
        for (int i = 0; i < StatementReader.MAX_BODY_DEPTH + 4; i++) {
            sql = new StringBuilder("DO $d" + i + "$ BEGIN " + sql + " END $d" + i + "$;");
        }
        ParsedStatement deep = parse(sql.toString(), Dialect.POSTGRESQL).get(0);
        assertTrue(deep.problem().contains("nested more than " + StatementReader.MAX_BODY_DEPTH + " deep"), deep.problem());

        String shallow = "DO $a$ BEGIN DO $b$ BEGIN DROP TABLE x; END $b$; END $a$;";
        ParsedStatement ok = parse(shallow, Dialect.POSTGRESQL).get(0);
        assertNull(ok.problem());
        assertTrue(ok.changes().get(0) instanceof Change.DropTable, ok.changes().toString());
    }

    @Test
    void aStackOverflowWhileReadingIsNotUnderstoodAndTheNextStatementIsRead() throws InterruptedException {
        String deep = "CREATE VIEW v AS SELECT a" + " + a".repeat(20_000) + " AS s FROM t";
        StatementReader reader = new StatementReader(Dialect.POSTGRESQL, new ProcedureRegistry());
        AtomicReference<List<ParsedStatement>> result = new AtomicReference<>();
        // a small stack stands for an input deeper than the deep-stack threads take
        Thread small = new Thread(null, () -> result.set(List.of(
                reader.read(new SqlStatement("V1__x.sql", 1, deep, List.of())),
                reader.read(new SqlStatement("V1__x.sql", 2, "DROP TABLE t", List.of())))), "small", 256 * 1024);
        small.start();
        small.join();
        assertEquals(DeepStack.TOO_DEEP, result.get().get(0).problem());
        assertTrue(result.get().get(1).isUnderstood());
    }

    @Test
    void theDeepStackThreadsReadWhatAnOrdinaryStackCannot() {
        String sum = "a" + " + a".repeat(20_000);
        ParsedStatement view = parse("CREATE VIEW v AS SELECT " + sum + " AS s FROM t;", Dialect.POSTGRESQL).get(0);
        assertNull(view.problem());
        assertTrue(view.changes().get(0) instanceof Change.CreateView);
    }
}
