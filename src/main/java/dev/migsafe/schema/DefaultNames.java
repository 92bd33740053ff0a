package dev.migsafe.schema;

import java.util.List;
import java.util.function.Predicate;

import dev.migsafe.change.ConstraintDef;

/**
 * Names the database gives to constraints and indexes created without one, so that a later
 * {@code DROP CONSTRAINT users_email_key} or {@code DROP INDEX users_email_idx} finds them. Follows
 * PostgreSQL's conventions, the ones migrations most often spell out by hand.
 */
final class DefaultNames {

    private DefaultNames() {
    }

    static String constraint(String table, ConstraintDef c, Predicate<String> taken) {
        String cols = c.columns().isEmpty() ? "" : "_" + String.join("_", c.columns());
        String base = switch (c.kind()) {
            case PRIMARY_KEY -> table + "_pkey";
            case UNIQUE -> table + cols + "_key";
            case FOREIGN_KEY -> table + cols + "_fkey";
            case CHECK -> table + (c.columns().isEmpty() ? "" : "_" + c.columns().get(0)) + "_check";
            case EXCLUDE -> table + cols + "_excl";
        };
        return unique(base, taken);
    }

    static String index(String table, List<String> columns, Predicate<String> taken) {
        String cols = columns.stream().map(DefaultNames::identifierPart).filter(s -> !s.isEmpty())
                .reduce((a, b) -> a + "_" + b).map(s -> "_" + s).orElse("");
        return unique(table + cols + "_idx", taken);
    }

    /** An expression like {@code lower(email)} contributes its identifier characters only. */
    private static String identifierPart(String column) {
        return column.replaceAll("[^A-Za-z0-9_]+", "_").replaceAll("^_+|_+$", "");
    }

    private static String unique(String base, Predicate<String> taken) {
        String name = base;
        for (int i = 1; taken.test(name); i++) {
            name = base + i;
        }
        return name;
    }
}
