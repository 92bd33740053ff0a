package dev.migsafe.sql;

import java.util.List;

import dev.migsafe.change.Change;

/** CREATE/ALTER SEQUENCE and ALTER VIEW/INDEX: renames become events, other forms Other. */
final class AlterObjectReader {

    private AlterObjectReader() {
    }

    /** CREATE [TEMP] SEQUENCE [IF NOT EXISTS] name [options]. */
    static List<Change> createSequence(TokenCursor c) {
        boolean temporary = c.acceptAny("TEMPORARY", "TEMP", "UNLOGGED") != null;
        c.expect("SEQUENCE");
        boolean ifNotExists = c.accept("IF", "NOT", "EXISTS");
        String name = c.name();
        c.restText();
        return List.of(temporary ? new Change.Other("CREATE TEMPORARY SEQUENCE", name)
                : new Change.CreateSequence(name, ifNotExists));
    }

    /** ALTER SEQUENCE|VIEW|MATERIALIZED VIEW|INDEX [IF EXISTS] name RENAME TO x, else Other. */
    static List<Change> alter(TokenCursor c) {
        boolean materialized = c.accept("MATERIALIZED");
        String kind = c.acceptAny("SEQUENCE", "VIEW", "INDEX");
        c.accept("IF", "EXISTS");
        if (c.at("ALL", "IN", "TABLESPACE")) {
            c.restText();
            return List.of(new Change.Other("ALTER " + kind + " SET TABLESPACE", ""));
        }
        String name = c.name();
        if (c.accept("RENAME", "TO")) {
            String to = c.name();
            return List.of(switch (kind) {
                case "SEQUENCE" -> new Change.RenameSequence(name, to);
                case "VIEW" -> new Change.RenameView(name, to);
                default -> new Change.RenameIndex(null, name, to);
            });
        }
        if (kind.equals("VIEW") && c.accept("RENAME")) {
            c.accept("COLUMN"); // a view's output column: the same break for readers as a table column
            String from = c.identifier();
            c.expect("TO");
            return List.of(new Change.RenameColumn(name, from, c.identifier()));
        }
        String words = c.atEnd() || c.peek().type() != Token.Type.WORD ? "" : " " + c.peek().upper();
        c.restText();
        return List.of(new Change.Other("ALTER " + (materialized ? "MATERIALIZED " : "") + kind + words, name));
    }
}
