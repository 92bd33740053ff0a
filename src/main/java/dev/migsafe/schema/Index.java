package dev.migsafe.schema;

import java.util.List;

/** An index of the schema model. */
public record Index(String name, String table, List<String> columns, boolean unique) {
    public Index withName(String n) { return new Index(n, table, columns, unique); }
    public Index withTable(String t) { return new Index(name, t, columns, unique); }
}
