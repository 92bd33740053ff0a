package dev.migsafe.sql;

import java.util.ArrayList;
import java.util.List;

import dev.migsafe.change.Change;
import dev.migsafe.change.ConstraintDef;
import dev.migsafe.change.SqlType;

/**
 * ALTER TABLE in both dialects: the action list is cut at top-level commas and each action becomes
 * zero or more events. Actions that change nothing the rules track (storage, triggers, ownership,
 * MySQL table options) become {@link Change.Other} with a precise kind such as
 * "ALTER TABLE ENABLE TRIGGER", because lock rules look at them.
 */
final class AlterTableReader {

    private AlterTableReader() {
    }

    /** Reads from just after ALTER. */
    static List<Change> read(TokenCursor c) {
        c.acceptAny("ONLINE", "OFFLINE", "IGNORE");
        c.expect("TABLE");
        c.accept("IF", "EXISTS");
        c.accept("ONLY");
        String table = c.name();
        c.acceptSymbol('*');
        if (c.at("ALL", "IN", "TABLESPACE")) {
            return List.of(new Change.Other("ALTER TABLE SET TABLESPACE", ""));
        }
        List<Change> changes = new ArrayList<>();
        for (TokenCursor action : c.splitRest()) {
            List<Change> actionChanges = action(action, table);
            changes.addAll(actionChanges);
            for (Change done : actionChanges) {
                if (done instanceof Change.RenameTable r) {
                    table = r.to(); // MySQL: later actions of the statement; events name the table as it is then
                }
            }
            if (!action.atEnd()) {
                throw new NotUnderstoodException("unexpected text in ALTER TABLE action " + action.near());
            }
        }
        if (changes.isEmpty()) {
            throw new NotUnderstoodException("ALTER TABLE without an action");
        }
        return changes;
    }

    private static List<Change> action(TokenCursor c, String table) {
        if (c.accept("ADD")) {
            return add(c, table);
        }
        if (c.accept("DROP")) {
            return drop(c, table);
        }
        if (c.accept("ALTER")) {
            return alterColumn(c, table);
        }
        if (c.accept("MODIFY")) {
            c.accept("COLUMN");
            ColumnReader.ReadColumn col = ColumnReader.read(c);
            return withConstraints(new Change.RedefineColumn(table, col.column().name(), col.column()), table, col);
        }
        if (c.accept("CHANGE")) {
            c.accept("COLUMN");
            String oldName = c.identifier();
            ColumnReader.ReadColumn col = ColumnReader.read(c);
            return withConstraints(new Change.RedefineColumn(table, oldName, col.column()), table, col);
        }
        if (c.accept("RENAME")) {
            return rename(c, table);
        }
        if (c.accept("VALIDATE", "CONSTRAINT")) {
            return List.of(new Change.ValidateConstraint(table, c.identifier()));
        }
        if (c.accept("SET", "SCHEMA")) {
            String schema = c.identifier();
            String bare = table.contains(".") ? table.substring(table.lastIndexOf('.') + 1) : table;
            String moved = "public".equals(schema) ? bare : schema + "." + bare;
            return List.of(new Change.RenameTable(table, moved));
        }
        return List.of(other(c, table));
    }

    private static List<Change> add(TokenCursor c, String table) {
        if (ConstraintReader.atTableConstraint(c)) {
            return List.of(new Change.AddConstraint(table, ConstraintReader.readTableConstraint(c)));
        }
        if (CreateTableReader.atMySqlIndex(c)) {
            return List.of(CreateTableReader.readMySqlIndex(c, table));
        }
        if (c.at("PARTITION")) {
            return List.of(other(c, table));
        }
        c.accept("COLUMN");
        boolean ifNotExists = c.accept("IF", "NOT", "EXISTS");
        if (c.atSymbol('(')) {
            // MySQL: ADD (col def, col def)
            List<Change> changes = new ArrayList<>();
            for (TokenCursor item : c.parenthesisedList()) {
                ColumnReader.ReadColumn col = ColumnReader.read(item);
                changes.addAll(withConstraints(new Change.AddColumn(table, col.column(), ifNotExists), table, col));
            }
            return changes;
        }
        ColumnReader.ReadColumn col = ColumnReader.read(c);
        return withConstraints(new Change.AddColumn(table, col.column(), ifNotExists), table, col);
    }

    /** The column event followed by its inline constraints as AddConstraint events. */
    private static List<Change> withConstraints(Change columnChange, String table, ColumnReader.ReadColumn col) {
        List<Change> changes = new ArrayList<>();
        changes.add(columnChange);
        for (ConstraintDef def : col.constraints()) {
            changes.add(new Change.AddConstraint(table, def));
        }
        return changes;
    }

    private static List<Change> drop(TokenCursor c, String table) {
        if (c.accept("CONSTRAINT") || c.accept("FOREIGN", "KEY") || c.accept("CHECK")) {
            boolean ifExists = c.accept("IF", "EXISTS");
            String name = c.identifier();
            c.acceptAny("CASCADE", "RESTRICT");
            return List.of(new Change.DropConstraint(table, name, ifExists));
        }
        if (c.accept("PRIMARY", "KEY")) {
            return List.of(new Change.DropConstraint(table, "primary", false));
        }
        if (c.acceptAny("INDEX", "KEY") != null) {
            boolean ifExists = c.accept("IF", "EXISTS");
            return List.of(new Change.DropIndex(c.identifier(), table, ifExists, false));
        }
        if (c.at("PARTITION")) {
            return List.of(other(c, table));
        }
        c.accept("COLUMN");
        boolean ifExists = c.accept("IF", "EXISTS");
        String column = c.identifier();
        c.acceptAny("CASCADE", "RESTRICT");
        return List.of(new Change.DropColumn(table, column, ifExists));
    }

    private static List<Change> alterColumn(TokenCursor c, String table) {
        if (c.at("CONSTRAINT") || c.at("INDEX") || c.at("CHECK")) {
            return List.of(other(c, table)); // ALTER CONSTRAINT ... DEFERRABLE, MySQL ALTER INDEX ... VISIBLE
        }
        c.accept("COLUMN");
        String column = c.identifier();
        if (c.accept("TYPE") || c.accept("SET", "DATA", "TYPE")) {
            String typeText = c.textUntil(java.util.Set.of("USING", "COLLATE"));
            if (typeText == null) {
                throw new NotUnderstoodException("ALTER COLUMN " + column + " TYPE without a type");
            }
            String using = null;
            while (!c.atEnd()) {
                if (c.accept("COLLATE")) {
                    c.next();
                } else {
                    c.expect("USING");
                    using = c.textUntil(java.util.Set.of("COLLATE"));
                }
            }
            SqlType type = TypeNames.parse(typeText, c.dialect());
            return List.of(new Change.AlterColumnType(table, column, type, using));
        }
        if (c.accept("SET", "NOT", "NULL")) {
            return List.of(new Change.SetNotNull(table, column));
        }
        if (c.accept("DROP", "NOT", "NULL")) {
            return List.of(new Change.DropNotNull(table, column));
        }
        if (c.accept("SET", "DEFAULT")) {
            String expression = ColumnReader.readDefault(c);
            if (expression == null) {
                return List.of(new Change.DropDefault(table, column));
            }
            return List.of(new Change.SetDefault(table, column, expression,
                    ColumnReader.isVolatile(expression, c.dialect())));
        }
        if (c.accept("DROP", "DEFAULT")) {
            return List.of(new Change.DropDefault(table, column));
        }
        // SET STATISTICS / STORAGE / COMPRESSION, ADD GENERATED AS IDENTITY, DROP IDENTITY, SET (...), ...
        if (c.peek() == null || !(c.at("SET") || c.at("RESET") || c.at("ADD") || c.at("DROP") || c.at("RESTART"))) {
            throw new NotUnderstoodException("unknown ALTER COLUMN form " + c.near());
        }
        String kind = "ALTER TABLE ALTER COLUMN " + words(c, 2);
        c.restText();
        return List.of(new Change.Other(kind, table + "." + column));
    }

    private static List<Change> rename(TokenCursor c, String table) {
        if (c.accept("CONSTRAINT")) {
            String from = c.identifier();
            c.expect("TO");
            return List.of(new Change.RenameConstraint(table, from, c.identifier()));
        }
        if (c.acceptAny("INDEX", "KEY") != null) {
            String from = c.identifier();
            c.expect("TO");
            return List.of(new Change.RenameIndex(table, from, c.identifier()));
        }
        if (c.accept("COLUMN")) {
            return renameColumn(c, table);
        }
        if (c.acceptAny("TO", "AS") != null || c.peek(1) == null) {
            // RENAME TO x (both), MySQL RENAME [AS] x
            return List.of(new Change.RenameTable(table, c.name()));
        }
        return renameColumn(c, table);
    }

    private static List<Change> renameColumn(TokenCursor c, String table) {
        String from = c.identifier();
        c.expect("TO");
        return List.of(new Change.RenameColumn(table, from, c.identifier()));
    }

    /** First words of actions known to leave tables, columns and constraints as they are. */
    private static final java.util.Set<String> OTHER_ACTIONS = java.util.Set.of(
            "OWNER", "ENABLE", "DISABLE", "SET", "RESET", "CLUSTER", "REPLICA", "INHERIT", "NO", "ATTACH", "DETACH",
            "OF", "NOT", "FORCE", "ENGINE", "DEFAULT", "CHARACTER", "CHARSET", "COLLATE", "CONVERT", "AUTO_INCREMENT",
            "COMMENT", "ALGORITHM", "LOCK", "ROW_FORMAT", "KEY_BLOCK_SIZE", "PARTITION", "REMOVE", "COALESCE",
            "REORGANIZE", "EXCHANGE", "TRUNCATE", "ANALYZE", "CHECK", "OPTIMIZE", "REBUILD", "REPAIR", "ORDER",
            "STATS_PERSISTENT", "STATS_AUTO_RECALC", "STATS_SAMPLE_PAGES", "DISCARD", "IMPORT", "PACK_KEYS",
            "CHECKSUM", "DELAY_KEY_WRITE", "INSERT_METHOD", "MAX_ROWS", "MIN_ROWS", "ENCRYPTION", "COMPRESSION",
            "CONSTRAINT", "INDEX", "TABLESPACE", "WITH", "WITHOUT", "SECONDARY_ENGINE", "AVG_ROW_LENGTH", "UNION");

    /** An action with no schema effect the rules track; its kind names the action. */
    private static Change other(TokenCursor c, String table) {
        Token first = c.peek();
        if (first == null || first.type() != Token.Type.WORD || !OTHER_ACTIONS.contains(first.upper())) {
            throw new NotUnderstoodException("unknown ALTER TABLE action " + c.near());
        }
        String kind = "ALTER TABLE " + words(c, 4);
        if (first.is("ALGORITHM") || first.is("LOCK")) {
            // MySQL ALGORITHM=INSTANT / LOCK=NONE: lock rules need the value ("ALTER TABLE ALGORITHM=INSTANT")
            c.next();
            c.acceptSymbol('=');
            Token value = c.peek();
            kind = "ALTER TABLE " + first.upper() + (value == null ? "" : "=" + value.upper());
        }
        c.restText();
        return new Change.Other(kind, table);
    }

    /** Keywords that may follow the first word of an action and still describe it (not names). */
    private static final java.util.Set<String> KIND_WORDS = java.util.Set.of(
            "ALWAYS", "REPLICA", "TRIGGER", "RULE", "ROW", "LEVEL", "SECURITY", "TO", "TABLESPACE", "LOGGED",
            "UNLOGGED", "OIDS", "ACCESS", "METHOD", "IDENTITY", "FULL", "NOTHING", "PARTITION", "ALL", "USER",
            "STATISTICS", "STORAGE", "GENERATED", "EXPRESSION", "DATA", "CONCURRENTLY", "FINALIZE", "BY",
            "INHERIT", "FORCE", "CLUSTER", "ON", "WITHOUT", "PARTITIONING", "DEFAULT", "CHARACTER", "CHARSET",
            "VISIBLE", "INVISIBLE", "NOT", "DEFERRABLE", "INITIALLY", "DEFERRED", "IMMEDIATE", "SET", "OF");

    /** The first word of the rest and the keywords after it (up to {@code max}), upper-case. */
    private static String words(TokenCursor c, int max) {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < max; i++) {
            Token t = c.peek(i);
            if (t == null || t.type() != Token.Type.WORD || i > 0 && !KIND_WORDS.contains(t.upper())) {
                break;
            }
            words.add(t.upper());
        }
        return String.join(" ", words);
    }
}
