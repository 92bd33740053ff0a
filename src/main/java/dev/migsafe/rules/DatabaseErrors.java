package dev.migsafe.rules;

import dev.migsafe.dialect.Dialect;

/**
 * The error texts the older release would meet, per dialect, so that findings say concretely how
 * it fails ("... fail with 'column "name" does not exist'").
 */
public final class DatabaseErrors {

    private DatabaseErrors() {
    }

    public static String missingTable(Dialect d, String table) {
        return d.server().missingTableError(table);
    }

    public static String missingColumn(Dialect d, String column) {
        return d.server().missingColumnError(column);
    }

    public static String notNullViolation(Dialect d, String table, String column) {
        return d.server().notNullViolationError(table, column);
    }

    public static String missingFunction(Dialect d, String function) {
        return d.server().missingFunctionError(function);
    }
}
