package dev.migsafe.sql;

import java.util.ArrayList;
import java.util.List;

import dev.migsafe.change.Change;
import dev.migsafe.change.ColumnDef;
import dev.migsafe.change.ConstraintDef;

/**
 * CREATE TABLE: columns, constraints (inline ones in table form, see {@link Change.CreateTable}),
 * and for MySQL the inline {@code KEY}/{@code INDEX} definitions as {@link Change.CreateIndex}
 * events that follow the CreateTable.
 */
final class CreateTableReader {

    private CreateTableReader() {
    }

    /** Reads from just after CREATE [OR REPLACE]. */
    static List<Change> read(TokenCursor c) {
        boolean temporary = c.acceptAny("GLOBAL", "LOCAL") != null;
        temporary |= c.acceptAny("TEMPORARY", "TEMP") != null;
        c.acceptAny("UNLOGGED");
        c.expect("TABLE");
        boolean ifNotExists = c.accept("IF", "NOT", "EXISTS");
        String table = c.name();
        if (temporary) {
            return List.of(new Change.Other("CREATE TEMPORARY TABLE", table));
        }
        if (!c.atSymbol('(')) {
            // AS SELECT, LIKE other, PARTITION OF parent, OF type: columns not visible here
            return List.of(new Change.CreateTable(table, List.of(), List.of(), ifNotExists, false));
        }
        List<ColumnDef> columns = new ArrayList<>();
        List<ConstraintDef> constraints = new ArrayList<>();
        List<Change> indexes = new ArrayList<>();
        boolean columnsKnown = true;
        for (TokenCursor element : c.parenthesisedList()) {
            if (ConstraintReader.atTableConstraint(element)) {
                constraints.add(ConstraintReader.readTableConstraint(element));
            } else if (atMySqlIndex(element)) {
                indexes.add(readMySqlIndex(element, table));
            } else if (element.at("LIKE")) {
                columnsKnown = false;
            } else {
                ColumnReader.ReadColumn column = ColumnReader.read(element);
                columns.add(column.column());
                constraints.addAll(column.constraints());
            }
        }
        if (c.at("AS") || c.at("SELECT")) {
            columnsKnown = false;
        }
        List<Change> changes = new ArrayList<>();
        changes.add(new Change.CreateTable(table, columns, constraints, ifNotExists, columnsKnown));
        changes.addAll(indexes);
        return changes;
    }

    /** MySQL {@code KEY|INDEX|FULLTEXT|SPATIAL [name] (cols)} inside CREATE TABLE or ALTER TABLE ADD. */
    static boolean atMySqlIndex(TokenCursor c) {
        return c.at("KEY") || c.at("INDEX") || c.at("FULLTEXT") || c.at("SPATIAL");
    }

    static Change.CreateIndex readMySqlIndex(TokenCursor c, String table) {
        c.acceptAny("FULLTEXT", "SPATIAL");
        c.acceptAny("KEY", "INDEX");
        String name = c.atSymbol('(') || c.at("USING") ? null : c.identifier();
        if (c.accept("USING")) {
            c.next();
        }
        List<String> columns = c.identifierList();
        return new Change.CreateIndex(name, table, columns, false, false, false);
    }
}
