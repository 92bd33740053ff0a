package dev.migsafe.rules.history;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.migsafe.rules.Category;
import dev.migsafe.rules.RangeContext;
import dev.migsafe.rules.Rule;
import dev.migsafe.rules.RuleInfo;
import dev.migsafe.rules.Severity;
import dev.migsafe.source.Migration;
import dev.migsafe.sql.StatementComparison;
import dev.migsafe.tool.FlywayChecksum;
import dev.migsafe.tool.MigrationTool;

/**
 * A migration the older release shipped was edited, renamed or removed in the newer one. Databases
 * that already ran it keep the old version, new ones get the new version: the two drift apart, and
 * Flyway's validate (or Liquibase's checksum check) refuses to migrate. An edit is called cosmetic when
 * the statements are the same once whitespace and comments are left out (the schemas do not drift,
 * but the checksum still fails), semantic otherwise. For Flyway files the message gives Flyway's own
 * checksums, to match against {@code flyway_schema_history.checksum}.
 */
@RuleInfo(id = AppliedMigrationChangedRule.ID, name = "applied-migration-changed", category = Category.HISTORY, severity = Severity.ERROR,
        summary = "A migration already released was changed (checksum), renamed or removed.",
        fix = "Never edit, rename or delete a released migration: restore it as released and put the change in a new "
                + "migration (a cosmetic edit can instead be accepted with flyway repair / liquibase "
                + "clear-checksums, once every database has the same text).")
public final class AppliedMigrationChangedRule implements Rule {
    public static final String ID = "HS401";

    @Override
    public void onRange(RangeContext ctx) {
        Map<String, Migration> newer = new LinkedHashMap<>();
        ctx.newer().forEach(m -> newer.put(key(m), m));
        Map<String, Migration> older = new LinkedHashMap<>();
        ctx.older().forEach(m -> older.put(key(m), m));
        for (Migration old : ctx.older()) {
            Migration now = newer.get(key(old));
            if (now == null) {
                Optional<Migration> moved = ctx.newer().stream()
                        .filter(m -> !older.containsKey(key(m)) && m.checksum().equals(old.checksum())).findFirst();
                if (moved.isPresent()) {
                    renamed(ctx, old, moved.get());
                } else {
                    ctx.reportAt(old.up().path(), old.up().firstLine(), "", old.id(), "migration " + old.id()
                            + " was released but is gone from the newer release: " + old.tool().whenRemoved(), null,
                            old.tool().missingMigrationIsError() ? Severity.ERROR : Severity.WARNING);
                }
            } else if (old.kind() != Migration.Kind.REPEATABLE && !old.checksum().equals(now.checksum())) {
                changed(ctx, old, now);
            } else if (old.kind() != Migration.Kind.REPEATABLE && !fileName(old).equals(fileName(now))) {
                // a file name change only: moving the migrations folder is fine (tools identify by version)
                renamed(ctx, old, now);
            }
        }
    }

    private static void changed(RangeContext ctx, Migration old, Migration now) {
        boolean cosmetic = StatementComparison.sameCode(ctx.upStatements(old), ctx.upStatements(now), ctx.dialect());
        String what = cosmetic
                ? "a cosmetic edit (the same statements once case, whitespace, comments, needless quotes and closing"
                + " semicolons are set aside), so schemas do not drift"
                : "a semantic edit (the statements differ): databases that already ran it will not run the new text, "
                + "so they differ from new ones";
        ctx.reportAt(now.up().path(), now.up().firstLine(), "", now.id(), "migration " + now.id()
                + " was released with other content (" + sums(old, now) + "): " + what + "; " + now.tool().whenEdited(),
                null, cosmetic ? Severity.INFO : Severity.ERROR);
    }

    private static void renamed(RangeContext ctx, Migration old, Migration now) {
        boolean repeatable = old.kind() == Migration.Kind.REPEATABLE;
        String consequence = isFlyway(now)
                ? (repeatable ? "Flyway keys repeatables by description, so it runs " + now.id() + " again on every database"
                : key(old).equals(key(now)) ? "Flyway validate reports a description mismatch"
                : "Flyway sees " + old.id() + " as applied but missing, and " + now.id() + " as new, and runs it again")
                : "the tool records migrations by name, so it would run the same changes again";
        ctx.reportAt(now.up().path(), now.up().firstLine(), "", now.id(), "migration " + old.id() + " ("
                + old.up().path() + ") was released and is now " + now.id() + " (" + now.up().path()
                + ") with the same content: renamed; " + consequence, null,
                repeatable ? Severity.WARNING : Severity.ERROR);
    }

    private static String sums(Migration old, Migration now) {
        String sums = shortSum(old) + ", now " + shortSum(now);
        if (isFlyway(old) && isFlyway(now)) {
            sums += "; Flyway checksum " + FlywayChecksum.of(old.up()) + ", now " + FlywayChecksum.of(now.up())
                    + " as flyway_schema_history.checksum would show";
        }
        return sums;
    }

    private static String fileName(Migration m) {
        String path = m.up().path();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static boolean isFlyway(Migration m) {
        return m.tool() == MigrationTool.FLYWAY;
    }

    /** Same identity as the analysis uses: versioned by id, others by kind and description. */
    private static String key(Migration m) {
        return m.kind() == Migration.Kind.VERSIONED ? m.id() : m.kind() + ":" + m.id();
    }

    private static String shortSum(Migration m) {
        String sum = m.checksum();
        return sum.substring(0, Math.min(sum.length(), "sha256:".length() + 12));
    }
}
