package dev.migsafe.change;

/**
 * A column as a statement defines it (CREATE TABLE, ADD COLUMN, MySQL MODIFY/CHANGE).
 * Inline constraints other than NOT NULL/DEFAULT (PRIMARY KEY, UNIQUE, REFERENCES, CHECK) are
 * emitted by the parser as separate {@link Change.AddConstraint} events.
 *
 * @param name         normalised column name
 * @param type         its type
 * @param notNull      NOT NULL (a PRIMARY KEY column is NOT NULL too)
 * @param defaultExpr  the DEFAULT expression as written, or null
 * @param generated    the database fills it without the application: identity, serial,
 *                     AUTO_INCREMENT, GENERATED ALWAYS AS
 * @param volatileDefault the default is volatile (now(), random(), gen_random_uuid(), nextval(...)),
 *                     which matters to lock rules
 */
public record ColumnDef(String name, SqlType type, boolean notNull, String defaultExpr, boolean generated,
                        boolean volatileDefault) {

    /** The database supplies a value when an INSERT omits this column. */
    public boolean hasValueWithoutApp() {
        return defaultExpr != null || generated;
    }
}
