package dev.migsafe.rules.locking;

import java.util.Set;

import dev.migsafe.change.SqlType;

/**
 * Whether PostgreSQL rewrites a table (and rebuilds its indexes) for ALTER COLUMN ... TYPE. It does
 * not when the old values are already valid for the new type with the same bytes: a longer or
 * unbounded varchar, varchar to text, a numeric with more precision and the same scale, cidr to
 * inet. Everything else (int to bigint included) is a rewrite.
 */
final class PostgresTypeRewrite {
    private static final Set<String> STRINGS = Set.of("varchar", "text");
    private static final Set<String> BIT_STRINGS = Set.of("varbit", "bit varying");

    private PostgresTypeRewrite() {
    }

    static boolean rewrites(SqlType from, SqlType to) {
        if (from.sameAs(to)) {
            return false;
        }
        if (from.array() != to.array()) {
            return true;
        }
        if (STRINGS.contains(from.base()) && STRINGS.contains(to.base())) {
            return !widens(from, to);
        }
        if (BIT_STRINGS.contains(from.base()) && from.base().equals(to.base())) {
            return !widens(from, to);
        }
        if (from.base().equals("numeric") && to.base().equals("numeric")) {
            if (to.length() == null) {
                return false; // unconstrained numeric holds every value unchanged
            }
            return from.length() == null || to.length() < from.length() || !same(from.scale(), to.scale());
        }
        return !(from.base().equals("cidr") && to.base().equals("inet"));
    }

    /** A character/bit string type that accepts every value of {@code from} unchanged. */
    private static boolean widens(SqlType from, SqlType to) {
        if (to.base().equals("text") || to.length() == null) {
            return true;
        }
        return !from.base().equals("text") && from.length() != null && to.length() >= from.length();
    }

    private static boolean same(Integer a, Integer b) {
        return (a == null ? 0 : a) == (b == null ? 0 : b);
    }
}
