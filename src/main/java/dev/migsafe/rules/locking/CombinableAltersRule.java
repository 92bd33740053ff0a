package dev.migsafe.rules.locking;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.migsafe.change.Change;
import dev.migsafe.dialect.Dialect;
import dev.migsafe.rules.Category;
import dev.migsafe.rules.MigrationContext;
import dev.migsafe.rules.Rule;
import dev.migsafe.rules.RuleInfo;
import dev.migsafe.rules.Severity;
import dev.migsafe.sql.ParsedStatement;

/**
 * Several ALTER TABLE statements on one existing table in a row, where one statement with
 * comma-separated actions would do: each takes the table's lock again (and waits in the lock queue
 * again), and on MySQL each may rebuild the table again. Statements that are split on purpose are
 * not counted: PostgreSQL RENAME (cannot be combined) and VALIDATE CONSTRAINT (runs after NOT VALID
 * to avoid the long lock), and anything between them that reads or writes the table, such as a
 * backfill UPDATE, ends the run.
 */
@LockClaim(LockClaim.Shows.NOT_MEASURABLE)
@RuleInfo(id = CombinableAltersRule.ID, name = "combinable-alters", category = Category.LOCKING, severity = Severity.INFO,
        summary = "Several ALTER TABLE statements in a row on one existing table could be one statement.",
        fix = "Combine the actions into one ALTER TABLE t action1, action2, ... so the table is locked (and, on MySQL, "
                + "rebuilt) once.")
public final class CombinableAltersRule implements Rule {
    public static final String ID = "LK610";

    @Override
    public void onMigration(MigrationContext ctx) {
        Map<String, List<ParsedStatement>> runs = new LinkedHashMap<>();
        List<List<ParsedStatement>> finished = new ArrayList<>();
        Set<String> created = new HashSet<>();
        for (ParsedStatement s : ctx.up()) {
            String alterTable = combinableAlter(s, ctx.dialect());
            for (String touched : touchedTables(s)) {
                if (!touched.equals(alterTable)) {
                    close(runs.remove(touched), finished);
                }
            }
            s.changes().stream().filter(c -> c instanceof Change.CreateTable).forEach(c -> created.add(c.target()));
            if (alterTable != null && !created.contains(alterTable)
                    && ExistingTables.existed(ctx.before(), ctx.base(), alterTable)) {
                runs.computeIfAbsent(alterTable, t -> new ArrayList<>()).add(s);
            }
        }
        runs.values().forEach(run -> close(run, finished));
        for (List<ParsedStatement> run : finished) {
            ParsedStatement second = run.get(1);
            String table = combinableAlter(second, ctx.dialect());
            List<String> lines = run.stream().map(p -> String.valueOf(p.statement().line())).toList();
            ctx.reportAt(second.statement().file(), second.statement().line(), second.statement().summary(200), table,
                    run.size() + " ALTER TABLE statements on " + table + " in a row (lines " + String.join(", ", lines)
                    + ") could be one: each takes the table's lock again" + switch (ctx.dialect()) {
                        case POSTGRESQL -> "";
                        case MYSQL -> " and may rebuild the table again";
                    }, null);
        }
    }

    private static void close(List<ParsedStatement> run, List<List<ParsedStatement>> finished) {
        if (run != null && run.size() > 1) {
            finished.add(run);
        }
    }

    /** The table when every change of the statement is an ALTER TABLE action that combines with others. */
    private static String combinableAlter(ParsedStatement s, Dialect dialect) {
        String table = null;
        for (Change c : s.changes()) {
            String t = alterAction(c, dialect);
            if (t == null || table != null && !table.equals(t)) {
                return null;
            }
            table = t;
        }
        return table;
    }

    private static String alterAction(Change c, Dialect dialect) {
        // PostgreSQL renames columns and constraints and builds indexes in statements of their own;
        // MySQL does all three as ALTER TABLE actions that could join the others
        boolean ownStatements = switch (dialect) {
            case POSTGRESQL -> true;
            case MYSQL -> false;
        };
        if (c instanceof Change.RenameColumn || c instanceof Change.RenameConstraint) {
            return ownStatements ? null : BlockingLocks.table(c);
        }
        if (c instanceof Change.ValidateConstraint || c instanceof Change.RenameTable || c instanceof Change.DropTable
                || c instanceof Change.DataChange) {
            return null;
        }
        if (c instanceof Change.CreateIndex || c instanceof Change.DropIndex) {
            return ownStatements ? null : BlockingLocks.table(c);
        }
        if (c instanceof Change.Other o) {
            return o.kind().startsWith("ALTER TABLE") && !o.kind().equals("ALTER TABLE SET TABLESPACE")
                    ? o.target() : null;
        }
        String t = BlockingLocks.table(c);
        return t == null || t.isEmpty() ? null : t;
    }

    private static Set<String> touchedTables(ParsedStatement s) {
        Set<String> tables = new HashSet<>();
        for (Change c : s.changes()) {
            if (c instanceof Change.DataChange d) {
                tables.addAll(d.tables());
            } else if (c instanceof Change.CreateIndex i) {
                tables.add(i.table());
            } else if (c instanceof Change.ValidateConstraint v) {
                tables.add(v.table());
            } else {
                String t = BlockingLocks.table(c);
                if (t != null && !t.isEmpty()) {
                    tables.add(t);
                }
            }
        }
        return tables;
    }
}
