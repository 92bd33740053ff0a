package dev.migsafe.sql;

import java.util.List;

import dev.migsafe.change.Change;

/** CREATE [UNIQUE] INDEX [CONCURRENTLY] [IF NOT EXISTS] [name] ON table [USING m] (items) ... */
final class CreateIndexReader {

    private CreateIndexReader() {
    }

    /** Reads from just after CREATE. */
    static List<Change> read(TokenCursor c) {
        boolean unique = c.accept("UNIQUE");
        c.acceptAny("FULLTEXT", "SPATIAL");
        c.expect("INDEX");
        boolean concurrently = c.accept("CONCURRENTLY");
        boolean ifNotExists = c.accept("IF", "NOT", "EXISTS");
        String name = c.at("ON") ? null : Names.last(String.join(".", c.nameParts()), c.dialect());
        if (c.accept("USING")) {
            c.next(); // MySQL: index type before ON
        }
        c.expect("ON");
        c.accept("ONLY");
        String table = c.name();
        if (c.accept("USING")) {
            c.next();
        }
        List<String> columns = c.identifierList();
        c.restText(); // INCLUDE, WITH (...), TABLESPACE, WHERE, MySQL ALGORITHM/LOCK
        return List.of(new Change.CreateIndex(name, table, columns, unique, concurrently, ifNotExists));
    }
}
