package dev.migsafe.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import dev.migsafe.change.Change;
import dev.migsafe.dialect.Dialect;
import dev.migsafe.sql.MigrationScript;

/** Shortcuts for parser tests: SQL in, the one statement's changes out. */
final class ParseAssertions {

    private ParseAssertions() {
    }

    static List<ParsedStatement> parseAll(String sql, Dialect dialect) {
        return new SqlScriptParser().parse(new MigrationScript("db/V1__t.sql", sql), dialect);
    }

    /** The changes of a script holding exactly one statement, which must be understood. */
    static List<Change> changes(String sql, Dialect dialect) {
        List<ParsedStatement> parsed = parseAll(sql, dialect);
        assertEquals(1, parsed.size(), "statements in: " + sql);
        ParsedStatement p = parsed.get(0);
        assertTrue(p.isUnderstood(), () -> "not understood: " + p.problem() + " in " + sql);
        return p.changes();
    }

    static List<Change> pg(String sql) {
        return changes(sql, Dialect.POSTGRESQL);
    }

    static List<Change> my(String sql) {
        return changes(sql, Dialect.MYSQL);
    }

    /** The only change of a one-statement script. */
    static Change single(String sql, Dialect dialect) {
        List<Change> changes = changes(sql, dialect);
        assertEquals(1, changes.size(), () -> "changes: " + changes);
        return changes.get(0);
    }
}
