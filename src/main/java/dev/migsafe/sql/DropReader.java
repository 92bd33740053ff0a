package dev.migsafe.sql;

import java.util.ArrayList;
import java.util.List;

import dev.migsafe.change.Change;

/**
 * DROP of any object. Several names give several events. Objects that hold no table data or
 * columns (triggers, policies, extensions, schemas...) become {@link Change.Other}.
 */
final class DropReader {

    private DropReader() {
    }

    /** Reads from just after DROP. */
    static List<Change> read(TokenCursor c) {
        c.acceptAny("TEMPORARY");
        boolean materialized = c.accept("MATERIALIZED");
        boolean procedure = c.at("PROCEDURE");
        String kind = c.acceptAny("TABLE", "VIEW", "INDEX", "SEQUENCE", "TYPE", "DOMAIN", "FUNCTION", "PROCEDURE",
                "TRIGGER");
        if (kind == null) {
            return List.of(dropOther(c));
        }
        boolean concurrently = c.accept("CONCURRENTLY");
        boolean ifExists = c.accept("IF", "EXISTS");
        List<Change> changes = new ArrayList<>();
        if (kind.equals("TRIGGER")) {
            String trigger = c.name();
            String table = c.accept("ON") ? c.name() : "";
            c.acceptAny("CASCADE", "RESTRICT");
            return List.of(new Change.Other("DROP TRIGGER", table.isEmpty() ? trigger : table));
        }
        record Dropped(String name, String arguments, String table) {
        }
        List<Dropped> dropped = new ArrayList<>();
        boolean cascade = false;
        for (TokenCursor item : c.splitRest()) {
            String name = item.name();
            String arguments = null;
            if (item.atSymbol('(')) {
                int open = item.position();
                item.skipGroup();
                arguments = RoutineReader.signature(item.sub(open, item.position()));
            }
            String table = item.accept("ON") ? item.name() : null; // MySQL DROP INDEX i ON t
            cascade |= "CASCADE".equals(item.acceptAny("CASCADE", "RESTRICT")); // written once, after the last name
            item.restText(); // MySQL ALGORITHM=, LOCK=
            dropped.add(new Dropped(name, arguments, table));
        }
        for (Dropped d : dropped) {
            changes.add(switch (kind) {
                case "TABLE" -> new Change.DropTable(d.name(), ifExists, cascade);
                case "VIEW" -> new Change.DropView(d.name(), ifExists, materialized);
                case "INDEX" -> new Change.DropIndex(d.name(), d.table(), ifExists, concurrently);
                case "SEQUENCE" -> new Change.DropSequence(d.name(), ifExists);
                case "TYPE", "DOMAIN" -> new Change.DropType(d.name(), ifExists);
                default -> new Change.DropFunction(d.name(), d.arguments(), ifExists, procedure);
            });
        }
        return changes;
    }

    /** DROP EXTENSION / SCHEMA / POLICY / RULE / ROLE / ...: no table or column of the app's schema. */
    private static Change dropOther(TokenCursor c) {
        List<String> words = new ArrayList<>();
        while (!c.atEnd() && c.peek().type() == Token.Type.WORD && words.size() < 3
                && StatementKinds.isObjectKeyword(c.peek().upper())) {
            words.add(c.next().upper());
        }
        if (words.isEmpty()) {
            throw new NotUnderstoodException("unknown DROP " + c.near());
        }
        c.accept("IF", "EXISTS");
        String target = c.atEnd() ? "" : c.name();
        c.restText();
        return new Change.Other("DROP " + String.join(" ", words), target);
    }
}
