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
        return d == Dialect.MYSQL ? "'Table '" + table + "' doesn't exist'" : "'relation \"" + table + "\" does not exist'";
    }

    public static String missingColumn(Dialect d, String column) {
        return d == Dialect.MYSQL ? "'Unknown column '" + column + "''" : "'column \"" + column + "\" does not exist'";
    }

    public static String notNullViolation(Dialect d, String table, String column) {
        return d == Dialect.MYSQL ? "'Field '" + column + "' doesn't have a default value'"
                : "'null value in column \"" + column + "\" of relation \"" + table + "\" violates not-null constraint'";
    }

    public static String missingFunction(Dialect d, String function) {
        return d == Dialect.MYSQL ? "'FUNCTION " + function + " does not exist'"
                : "'function " + function + "(...) does not exist'";
    }
}
