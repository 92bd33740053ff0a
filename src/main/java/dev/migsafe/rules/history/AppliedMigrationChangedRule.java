package dev.migsafe.rules.history;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.migsafe.rules.Category;
import dev.migsafe.rules.RangeContext;
import dev.migsafe.rules.Rule;
import dev.migsafe.rules.RuleInfo;
import dev.migsafe.rules.Severity;
import dev.migsafe.source.Migration;

/**
 * A migration the older release shipped was edited or removed in the newer one. Databases that
 * already ran it keep the old version, new ones get the new version: the two drift apart, and
 * Flyway's validate refuses to migrate.
 */
@RuleInfo(id = "HS401", name = "applied-migration-changed", category = Category.HISTORY, severity = Severity.ERROR,
        summary = "A migration already released was changed (checksum) or removed.",
        fix = "Never edit or delete a released migration: restore it as released and put the change in a new "
                + "migration.")
public final class AppliedMigrationChangedRule implements Rule {

    @Override
    public void onRange(RangeContext ctx) {
        Map<String, Migration> newer = new LinkedHashMap<>();
        ctx.newer().forEach(m -> newer.put(key(m), m));
        for (Migration old : ctx.older()) {
            Migration now = newer.get(key(old));
            if (now == null) {
                ctx.reportAt(old.up().path(), old.up().firstLine(), "", old.id(), "migration " + old.id()
                        + " was released but is gone from the newer release: databases that ran it keep its changes, "
                        + "new databases do not get them, and Flyway reports it as applied but missing", null);
            } else if (old.kind() != Migration.Kind.REPEATABLE && !old.checksum().equals(now.checksum())) {
                ctx.reportAt(now.up().path(), now.up().firstLine(), "", now.id(), "migration " + now.id()
                        + " was released with other content (" + shortSum(old) + ", now " + shortSum(now) + "): "
                        + "databases that already ran it will not run the new text, so they differ from new ones, and "
                        + "Flyway validate fails with a checksum mismatch", null);
            }
        }
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
