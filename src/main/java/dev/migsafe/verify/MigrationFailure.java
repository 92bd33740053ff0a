package dev.migsafe.verify;

import dev.migsafe.source.Migration;

/**
 * A migration the database refused.
 *
 * @param migration the migration (null when the engine failed before any migration, e.g. validation)
 * @param line      line of the failing statement in the migration's file, or 0 when unknown
 * @param statement the failing statement, or null when unknown
 * @param error     the database's (or Flyway's) message
 */
record MigrationFailure(Migration migration, String path, int line, String statement, String error) {

    /** "migration 3 (db/V3__x.sql line 4: ALTER TABLE ...) failed: ERROR: ..." */
    String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append(migration == null ? "migration engine" : "migration " + migration.id());
        if (path != null) {
            sb.append(" (").append(path);
            if (line > 0) {
                sb.append(" line ").append(line);
            }
            if (statement != null) {
                sb.append(": ").append(Errors.oneLine(statement.length() > 120 ? statement.substring(0, 117) + "..." : statement));
            }
            sb.append(')');
        }
        return sb.append(" failed: ").append(error).toString();
    }
}
