package dev.migsafe.schema;

import java.util.List;

import dev.migsafe.change.SqlType;

/**
 * A column of a table in the schema model.
 *
 * @param lineage identity that survives renames: a column renamed keeps its lineage, a column
 *                dropped and re-added under the same name gets a new one. Rules compare lineages to
 *                tell "the same data under the old name" from "a new column that reuses the name".
 */
public record Column(String name, long lineage, SqlType type, boolean notNull, String defaultExpr,
                     boolean generated) {

    /**
     * Type of a column the model learnt about from an ALTER without seeing its definition (a table
     * created outside the migrations). Rules do not judge type changes from it.
     */
    public static final SqlType UNKNOWN_TYPE = new SqlType("unknown", List.of(), List.of(), false, "");

    public boolean typeKnown() {
        return type != null && !UNKNOWN_TYPE.base().equals(type.base());
    }

    public boolean hasValueWithoutApp() {
        return defaultExpr != null || generated;
    }

    public Column withName(String n) { return new Column(n, lineage, type, notNull, defaultExpr, generated); }
    public Column withType(SqlType t) { return new Column(name, lineage, t, notNull, defaultExpr, generated); }
    public Column withNotNull(boolean v) { return new Column(name, lineage, type, v, defaultExpr, generated); }
    public Column withDefault(String d) { return new Column(name, lineage, type, notNull, d, generated); }
}
