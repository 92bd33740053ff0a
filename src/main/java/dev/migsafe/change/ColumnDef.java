package dev.migsafe.change;

/**
 * A column as a statement defines it (CREATE TABLE, ADD COLUMN, MySQL MODIFY/CHANGE).
 * Inline constraints other than NOT NULL/DEFAULT (PRIMARY KEY, UNIQUE, REFERENCES, CHECK) are not
 * part of it: in CREATE TABLE they are in {@link Change.CreateTable#constraints()}; after ADD COLUMN,
 * MODIFY or CHANGE they follow as separate {@link Change.AddConstraint} events.
 *
 * @param name         normalised column name
 * @param type         its type
 * @param notNull      NOT NULL (a PRIMARY KEY column is NOT NULL too)
 * @param defaultExpr  the DEFAULT expression as written, or null
 * @param generated    the database fills it without the application: identity, serial,
 *                     AUTO_INCREMENT, GENERATED ALWAYS AS
 * @param volatileDefault the default calls a volatile function (random(), clock_timestamp(),
 *                     gen_random_uuid(), nextval(...); serial columns too), so PostgreSQL rewrites the
 *                     table on ADD COLUMN; now()/CURRENT_TIMESTAMP are stable, evaluated once, not volatile
 */
public record ColumnDef(String name, SqlType type, boolean notNull, String defaultExpr, boolean generated,
                        boolean volatileDefault) {

    /** The database supplies a value when an INSERT omits this column. */
    public boolean hasValueWithoutApp() {
        return defaultExpr != null || generated;
    }
}
