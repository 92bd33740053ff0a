package dev.migsafe.rules.locking;

import java.util.Locale;

import dev.migsafe.change.Change;
import dev.migsafe.rules.Category;
import dev.migsafe.rules.ChangeContext;
import dev.migsafe.rules.ColumnEdit;
import dev.migsafe.rules.Rule;
import dev.migsafe.rules.RuleInfo;
import dev.migsafe.rules.Severity;
import dev.migsafe.schema.Column;
import dev.migsafe.dialect.Dialect;
import dev.migsafe.sql.ParsedStatement;

/**
 * MySQL/MariaDB: an ALTER TABLE action on an existing table that cannot run INSTANT or INPLACE with
 * concurrent writes on the configured server version (see {@link MySqlAlgorithm}), so writes wait
 * for a table copy or rebuild; or an ALGORITHM= / LOCK= clause the action cannot honour, so the
 * statement fails.
 */
@LockClaim(LockClaim.Shows.WRITE_BLOCKING_LOCK)
@RuleInfo(id = MySqlBlockingAlterRule.ID, name = "mysql-blocking-alter", category = Category.LOCKING, severity = Severity.WARNING,
        summary = "A MySQL/MariaDB ALTER TABLE cannot run INSTANT or INPLACE without blocking writes on the configured "
                + "version, or asks for an ALGORITHM/LOCK it cannot have.",
        fix = "State the expectation with ALGORITHM=INPLACE, LOCK=NONE (or ALGORITHM=INSTANT) so MySQL refuses instead "
                + "of silently copying; run table-copying changes on large tables with gh-ost or pt-online-schema-change.",
        dialects = Dialect.MYSQL)
public final class MySqlBlockingAlterRule implements Rule {
    public static final String ID = "LK611";

    @Override
    public void onChange(ChangeContext ctx) {
        String table = BlockingLocks.table(ctx.change());
        if (table == null || table.isEmpty() || !ExistingTables.existed(ctx, table)) {
            return;
        }
        ColumnEdit edit = ColumnEdit.of(ctx);
        Column before = edit == null ? null : edit.before();
        MySqlAlgorithm.Verdict verdict = MySqlAlgorithm.of(ctx.change(), before, ctx.serverVersion(),
                foreignKeyChecksOff(ctx));
        if (verdict == null) {
            return;
        }
        String algorithm = clause(ctx.statement(), "ALGORITHM");
        String lock = clause(ctx.statement(), "LOCK");
        String on = ctx.serverVersion() + ": " + verdict.why();
        if (algorithm != null && !allows(algorithm, verdict.algorithm())) {
            ctx.report(table, "ALGORITHM=" + algorithm + " is not possible here on " + on + "; the statement fails "
                    + "(needs " + verdict.algorithm().name() + ")", "Use the algorithm the action supports, and run it "
                    + "with gh-ost or pt-online-schema-change if that copies a large table.");
        } else if ("NONE".equals(lock) && verdict.algorithm().compareTo(MySqlAlgorithm.INPLACE) > 0) {
            ctx.report(table, "LOCK=NONE is not possible here on " + on + "; the statement fails",
                    "Run it with gh-ost or pt-online-schema-change, or accept LOCK=SHARED in a quiet window.");
        } else if (verdict.algorithm().compareTo(MySqlAlgorithm.INPLACE) > 0 && algorithm == null && lock == null) {
            ctx.report(table, "on " + on + ": writes to " + table + " wait until "
                    + (verdict.algorithm() == MySqlAlgorithm.COPY ? "the whole table is copied" : "the table is rebuilt"));
        }
    }

    /** ALGORITHM=DEFAULT lets MySQL choose; INPLACE also allows INSTANT actions; COPY allows all. */
    private static boolean allows(String declared, MySqlAlgorithm needed) {
        return switch (declared) {
            case "INSTANT" -> needed == MySqlAlgorithm.INSTANT;
            case "INPLACE" -> needed.compareTo(MySqlAlgorithm.BLOCKING) <= 0;
            default -> true;
        };
    }

    /** The value of an ALGORITHM= or LOCK= clause of the statement, upper case, or null. */
    private static String clause(ParsedStatement statement, String name) {
        String prefix = "ALTER TABLE " + name + "=";
        for (Change c : statement.changes()) {
            if (c instanceof Change.Other o && o.kind().startsWith(prefix)) {
                return o.kind().substring(prefix.length()).toUpperCase(Locale.ROOT);
            }
        }
        return null;
    }

    private static boolean foreignKeyChecksOff(ChangeContext ctx) {
        boolean off = false;
        int here = ctx.statementIndex();
        for (int i = 0; i < here; i++) {
            ParsedStatement s = ctx.scriptStatements().get(i);
            String text = s.statement().text().toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
            for (Change c : s.changes()) {
                if (c instanceof Change.Other o && o.kind().equals("SET") && o.target().equals("foreign_key_checks")) {
                    off = text.endsWith("=0") || text.endsWith("=off");
                }
            }
        }
        return off;
    }
}
