package dev.migsafe.analysis;

import java.util.List;

import dev.migsafe.change.Change;

/** The existing tables a change acts on by name (not the ones it creates). */
final class TablesNamed {

    private TablesNamed() {
    }

    static List<String> by(Change change) {
        if (change instanceof Change.AddColumn c) return List.of(c.table());
        if (change instanceof Change.DropColumn c) return List.of(c.table());
        if (change instanceof Change.RenameColumn c) return List.of(c.table());
        if (change instanceof Change.AlterColumnType c) return List.of(c.table());
        if (change instanceof Change.RedefineColumn c) return List.of(c.table());
        if (change instanceof Change.SetNotNull c) return List.of(c.table());
        if (change instanceof Change.DropNotNull c) return List.of(c.table());
        if (change instanceof Change.SetDefault c) return List.of(c.table());
        if (change instanceof Change.DropDefault c) return List.of(c.table());
        if (change instanceof Change.AddConstraint c) return List.of(c.table());
        if (change instanceof Change.DropConstraint c) return List.of(c.table());
        if (change instanceof Change.RenameConstraint c) return List.of(c.table());
        if (change instanceof Change.ValidateConstraint c) return List.of(c.table());
        if (change instanceof Change.CreateIndex c) return List.of(c.table());
        if (change instanceof Change.DropIndex c && c.table() != null) return List.of(c.table());
        if (change instanceof Change.RenameTable c) return List.of(c.from());
        if (change instanceof Change.DropTable c && !c.ifExists()) return List.of(c.table());
        if (change instanceof Change.DataChange c) return c.tables();
        return List.of();
    }
}
