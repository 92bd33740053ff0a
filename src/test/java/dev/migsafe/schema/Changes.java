package dev.migsafe.schema;

import java.util.Arrays;
import java.util.List;

import dev.migsafe.change.Change;
import dev.migsafe.change.ColumnDef;
import dev.migsafe.change.ConstraintDef;
import dev.migsafe.change.SqlType;
import dev.migsafe.change.ViewColumn;

/** Short constructors for change events in schema tests. */
final class Changes {

    private Changes() {
    }

    static ColumnDef col(String name, String type, Integer... args) {
        return new ColumnDef(name, SqlType.of(type, args), false, null, false, false);
    }

    static ColumnDef notNull(String name, String type) {
        return new ColumnDef(name, SqlType.of(type), true, null, false, false);
    }

    static ColumnDef withDefault(ColumnDef c, String expr) {
        return new ColumnDef(c.name(), c.type(), c.notNull(), expr, c.generated(), false);
    }

    static Change.CreateTable table(String name, ColumnDef... columns) {
        return new Change.CreateTable(name, List.of(columns), List.of(), false, true);
    }

    static ConstraintDef unique(String name, String... columns) {
        return new ConstraintDef(name, ConstraintDef.Kind.UNIQUE, List.of(columns), null, List.of(), null, false, null);
    }

    static ConstraintDef foreignKey(String column, String refTable, String refColumn) {
        return new ConstraintDef(null, ConstraintDef.Kind.FOREIGN_KEY, List.of(column), refTable, List.of(refColumn),
                null, false, null);
    }

    static ViewColumn ref(String table, String column) {
        return new ViewColumn(column, table, column);
    }

    static ViewColumn alias(String name, String table, String column) {
        return new ViewColumn(name, table, column);
    }

    static ViewColumn computed(String name) {
        return new ViewColumn(name, null, null);
    }

    static Change.CreateView view(String name, List<String> reads, ViewColumn... columns) {
        return new Change.CreateView(name, List.of(), Arrays.asList(columns), reads, false, false);
    }

    static Schema replay(Change... changes) {
        Schema s = new Schema();
        for (Change c : changes) {
            SchemaReplayer.apply(s, c);
        }
        return s;
    }
}
