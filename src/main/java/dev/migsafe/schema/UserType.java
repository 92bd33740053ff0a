package dev.migsafe.schema;

import java.util.List;

import dev.migsafe.change.SqlType;

/**
 * A user-defined enum or domain type.
 *
 * @param values   enum labels in order (empty for domains)
 * @param baseType for domains, the underlying type
 */
public record UserType(String name, long lineage, Kind kind, List<String> values, SqlType baseType, boolean notNull) {
    public enum Kind { ENUM, DOMAIN }

    public UserType withName(String n) { return new UserType(n, lineage, kind, values, baseType, notNull); }
    public UserType withValues(List<String> v) { return new UserType(name, lineage, kind, List.copyOf(v), baseType, notNull); }
}
