package dev.migsafe.rules;

import java.util.Optional;

import dev.migsafe.schema.Column;
import dev.migsafe.schema.Table;
import dev.migsafe.dialect.Dialect;

/**
 * Implemented by a rule that knows how a fix-forward release undoes what it flagged, so that the
 * roll-forward plan asks the rule instead of switching on rule IDs. A rule without it (or returning
 * empty) gets the generic step: its finding's fix.
 */
public interface RollForwardRemedy {

    /** The step for this finding, or empty when the schemas do not say enough (the generic step is used). */
    Optional<Remedy> rollForward(Finding finding, Target target);

    /**
     * One step of the fix-forward migration.
     *
     * @param title what the step does (the plan prefixes it with the rule ID and object)
     * @param sql   the SQL to append to the fix migration, or null for a manual step
     */
    record Remedy(String title, String sql) {
        public static Remedy manual(String title) {
            return new Remedy(title, null);
        }
    }

    /**
     * What the finding's object was in the older release and became in the newer one (names followed
     * through renames), and how the plan writes SQL.
     */
    interface Target {
        Dialect dialect();

        /** the release the fix must make work again */
        String release();

        /** the finding's table name (as the older release knows it) */
        String tableName();

        /** the finding's column name, or null for a table-level finding */
        String columnName();

        Table oldTable();

        Table newTable();

        Column oldColumn();

        Column newColumn();

        /** an identifier quoted as the plan's SQL quotes it */
        String quote(String name);

        /** a column's declared type as it is written in SQL */
        String typeOf(Column column);
    }
}
