package dev.migsafe.rules;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import dev.migsafe.change.ConstraintDef;
import dev.migsafe.schema.Schema;
import dev.migsafe.schema.Table;

/**
 * Whether a table already enforces a restriction, whatever the constraint's name: re-creating a
 * foreign key with another ON DELETE, or a unique constraint over an existing unique index, adds
 * nothing that existing data or writers do not already respect.
 */
public final class Restrictions {

    private Restrictions() {
    }

    /** {@code table} (of {@code schema}) already has a constraint or unique index equivalent to {@code k}. */
    public static boolean alreadyEnforced(Schema schema, Table table, ConstraintDef k) {
        if (table == null) {
            return false;
        }
        if (k.kind() == ConstraintDef.Kind.UNIQUE || k.kind() == ConstraintDef.Kind.PRIMARY_KEY) {
            return uniqueOn(schema, table, k.columns());
        }
        return table.constraints().stream().anyMatch(e -> e.kind() == k.kind()
                && Set.copyOf(e.columns()).equals(Set.copyOf(k.columns()))
                && Objects.equals(e.refTable(), k.refTable())
                && Objects.equals(normalise(e.expression()), normalise(k.expression())));
    }

    /** {@code table} already refuses duplicates on exactly these columns (unique or primary key, or unique index). */
    public static boolean uniqueOn(Schema schema, Table table, List<String> columns) {
        if (table == null) {
            return false;
        }
        Set<String> wanted = Set.copyOf(columns);
        boolean constraint = table.constraints().stream().anyMatch(e -> (e.kind() == ConstraintDef.Kind.UNIQUE
                || e.kind() == ConstraintDef.Kind.PRIMARY_KEY) && Set.copyOf(e.columns()).equals(wanted));
        return constraint || schema.indexes().values().stream().anyMatch(i -> i.unique()
                && table.name().equals(i.table()) && Set.copyOf(i.columns()).equals(wanted));
    }

    private static String normalise(String expression) {
        return expression == null ? null : expression.toLowerCase(Locale.ROOT).replaceAll("[\\s()]+", "");
    }
}
