package dev.migsafe.sql;

import java.util.ArrayList;
import java.util.List;

import dev.migsafe.change.Change;
import dev.migsafe.change.Change.DataChange;
import dev.migsafe.dialect.Dialect;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.merge.Merge;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.truncate.Truncate;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.upsert.Upsert;

/**
 * INSERT, UPDATE, DELETE, TRUNCATE, MERGE, COPY and SELECT: from JSqlParser's AST when it has one,
 * else from the tokens (PL/pgSQL bodies and dialect corners JSqlParser rejects).
 */
final class DataChangeReader {

    private final Dialect dialect;

    DataChangeReader(Dialect dialect) {
        this.dialect = dialect;
    }

    /** The change of a parsed data statement, or null when the AST is not one. */
    Change fromAst(Statement statement) {
        if (statement instanceof Insert insert) {
            return data(DataChange.Kind.INSERT, List.of(insert.getTable()), false);
        }
        if (statement instanceof Upsert upsert) {
            return data(DataChange.Kind.INSERT, List.of(upsert.getTable()), false);
        }
        if (statement instanceof Update update) {
            DataChange d = data(DataChange.Kind.UPDATE, List.of(update.getTable()), update.getWhere() != null);
            return new DataChange(d.kind(), d.tables(), d.hasWhere(), ValueRewrites.of(update, dialect));
        }
        if (statement instanceof Delete delete) {
            List<Table> tables = delete.getTables() != null && !delete.getTables().isEmpty()
                    ? delete.getTables() : List.of(delete.getTable());
            return data(DataChange.Kind.DELETE, tables, delete.getWhere() != null);
        }
        if (statement instanceof Truncate truncate) {
            List<Table> tables = truncate.getTables() != null && !truncate.getTables().isEmpty()
                    ? truncate.getTables() : List.of(truncate.getTable());
            return data(DataChange.Kind.TRUNCATE, tables, false);
        }
        if (statement instanceof Merge merge) {
            return data(DataChange.Kind.MERGE, List.of(merge.getTable()), true);
        }
        if (statement instanceof Select select) {
            if (dialect == Dialect.POSTGRESQL && select instanceof PlainSelect plain
                    && plain.getIntoTables() != null && !plain.getIntoTables().isEmpty()) {
                String table = Names.qualified(plain.getIntoTables().get(0).getFullyQualifiedName(), dialect);
                return new Change.CreateTable(table, List.of(), List.of(), false, false); // SELECT INTO new table
            }
            return new Change.Other("SELECT", "");
        }
        return null;
    }

    private DataChange data(DataChange.Kind kind, List<Table> tables, boolean hasWhere) {
        List<String> names = new ArrayList<>();
        for (Table t : tables) {
            names.add(Names.qualified(t.getFullyQualifiedName(), dialect));
        }
        return new DataChange(kind, names, hasWhere);
    }

    /** Reads a data statement from its tokens, for when JSqlParser could not. */
    Change fromTokens(TokenCursor c) {
        skipWith(c);
        if (c.accept("INSERT") || c.accept("REPLACE") || c.accept("UPSERT")) {
            c.acceptAny("LOW_PRIORITY", "DELAYED", "HIGH_PRIORITY");
            c.accept("IGNORE");
            c.accept("INTO");
            return new DataChange(DataChange.Kind.INSERT, List.of(c.name()), false);
        }
        if (c.accept("UPDATE")) {
            c.acceptAny("LOW_PRIORITY");
            c.accept("IGNORE");
            c.accept("ONLY");
            String table = c.name();
            return new DataChange(DataChange.Kind.UPDATE, List.of(table), hasTopLevelWhere(c));
        }
        if (c.accept("DELETE")) {
            c.acceptAny("LOW_PRIORITY", "QUICK", "IGNORE");
            c.accept("FROM");
            c.accept("ONLY");
            String table = c.name();
            return new DataChange(DataChange.Kind.DELETE, List.of(table), hasTopLevelWhere(c));
        }
        if (c.accept("TRUNCATE")) {
            c.accept("TABLE");
            c.accept("ONLY");
            List<String> tables = new ArrayList<>();
            for (TokenCursor item : c.splitRest()) {
                item.accept("ONLY");
                tables.add(item.name());
            }
            return new DataChange(DataChange.Kind.TRUNCATE, tables, false);
        }
        if (c.accept("MERGE")) {
            c.accept("INTO");
            return new DataChange(DataChange.Kind.MERGE, List.of(c.name()), true);
        }
        if (c.accept("COPY")) {
            String table = c.name();
            if (c.atSymbol('(')) {
                c.skipGroup();
            }
            if (c.accept("TO")) {
                c.restText();
                return new Change.Other("COPY TO", table);
            }
            c.restText();
            return new DataChange(DataChange.Kind.COPY, List.of(table), false);
        }
        if (c.at("SELECT") || c.at("VALUES") || c.at("TABLE")) {
            if (dialect == Dialect.POSTGRESQL && hasTopLevelWord(c, "INTO")) {
                throw new NotUnderstoodException("SELECT INTO creates a table whose columns migsafe cannot see");
            }
            c.restText();
            return new Change.Other("SELECT", "");
        }
        throw new NotUnderstoodException("unknown data statement " + c.near());
    }

    /** Skips WITH [RECURSIVE] name [(cols)] AS [[NOT] MATERIALIZED] (query) [, ...]. */
    private static void skipWith(TokenCursor c) {
        if (!c.accept("WITH")) {
            return;
        }
        c.accept("RECURSIVE");
        do {
            c.identifier();
            if (c.atSymbol('(')) {
                c.skipGroup();
            }
            c.expect("AS");
            c.accept("NOT");
            c.accept("MATERIALIZED");
            c.skipGroup();
        } while (c.acceptSymbol(','));
    }

    private static boolean hasTopLevelWhere(TokenCursor c) {
        boolean found = hasTopLevelWord(c, "WHERE");
        c.restText();
        return found;
    }

    private static boolean hasTopLevelWord(TokenCursor c, String word) {
        int depth = 0;
        for (Token t : c.remaining()) {
            if (t.isSymbol('(')) {
                depth++;
            } else if (t.isSymbol(')')) {
                depth--;
            } else if (depth == 0 && t.is(word)) {
                return true;
            }
        }
        return false;
    }
}
