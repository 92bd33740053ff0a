package dev.migsafe.verify;

import static dev.migsafe.verify.TestMigrations.updown;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.junit.jupiter.api.Test;

import dev.migsafe.dialect.Dialect;
import dev.migsafe.source.Migration;

/**
 * The lock trace, table-driven: each statement in a migration of its own on a table of its own, with its
 * measured lock, rewrite and what the second session saw asserted. Subclasses choose the server.
 */
abstract class LockTraceCases {

    /**
     * @param lock      the lock mode the statement must be measured with (as the report names it), or null for none
     * @param blocks    what other sessions wait for
     * @param write     the second session's write: blocked, not blocked, or null when not probed
     * @param select    its read, likewise
     * @param algorithm MySQL/MariaDB: the algorithm the server accepted; null on PostgreSQL
     * @param note      when the statement is not traced: a part of the reason
     * @param scan      whether it must be measured reading the whole table under its lock, or null: not asserted
     */
    record Case(String name, String older, String statement, String lock, boolean rewrite, List<String> blocks,
                String write, String select, String algorithm, String note, Boolean scan) {
        static Case measured(String name, String older, String statement, String lock, boolean rewrite,
                             List<String> blocks, String write, String select, String algorithm) {
            return new Case(name, older, statement, lock, rewrite, blocks, write, select, algorithm, null, null);
        }

        static Case notTraced(String name, String older, String statement, String note) {
            return new Case(name, older, statement, null, false, List.of(), null, null, null, note, null);
        }

        Case scanning(boolean expected) {
            return new Case(name, older, statement, lock, rewrite, blocks, write, select, algorithm, note, expected);
        }
    }

    static final String BLOCKED = "blocked";
    static final String PASSED = "not blocked";

    abstract Dialect dialect();

    abstract String target();

    abstract VerifySettings settings();

    abstract List<Case> cases();

    @Test
    void eachStatementIsMeasuredAsExpected() {
        List<Case> cases = cases();
        List<Migration> older = List.of(updown("1", "tables",
                String.join("\n", cases.stream().map(Case::older).filter(Objects::nonNull).toList()), null));
        List<Migration> range = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            range.add(updown(String.valueOf(i + 2), cases.get(i).name(), cases.get(i).statement(), null));
        }
        Verification v = new Verifier().run(new VerifyRequest(dialect(), older, range, target(), settings()),
                ProgressListener.NONE);
        Step trace = v.step(Verifier.LOCK_TRACE).orElseThrow();
        assertEquals(Step.Status.PASSED, trace.status(), trace.details());

        List<String> wrong = new ArrayList<>();
        StringBuilder table = new StringBuilder("\nlock trace on " + v.database() + ":\n");
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            String id = String.valueOf(i + 2);
            // the last statement of the case's migration is the one under test
            List<LockTrace.Record> of = v.locks().stream().filter(r -> r.migration().equals(id)).toList();
            LockTrace.Record r = of.get(of.size() - 1);
            table.append(String.format("  %-28s %s%n", c.name(), LockTraceText.entry(r)));
            if (c.note() != null) {
                if (r.note() == null || !r.note().contains(c.note())) {
                    wrong.add(c.name() + ": expected not traced (" + c.note() + "), got " + LockTraceText.entry(r));
                }
                continue;
            }
            List<String> modes = r.locks().stream().map(l -> LockTraceText.mode(l.mode())).toList();
            boolean lockOk = c.lock() == null ? r.locks().isEmpty() : modes.contains(c.lock());
            boolean probeOk = c.write() == null ? r.probe() == null || r.probe().write() == null
                    : r.probe() != null && c.write().equals(r.probe().write())
                    && (c.select() == null || c.select().equals(r.probe().select()));
            boolean scanOk = c.scan() == null || c.scan().equals(r.scan());
            if (r.note() != null || !lockOk || r.rewrite() != c.rewrite() || !r.blocks().equals(c.blocks()) || !probeOk
                    || !scanOk || !Objects.equals(c.algorithm(), r.algorithm())) {
                wrong.add(c.name() + ": expected " + c + ", got " + r);
            }
        }
        System.out.println(table);
        assertTrue(wrong.isEmpty(), String.join("\n", wrong) + table);
    }
}
