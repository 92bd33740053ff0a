package dev.migsafe.sql;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import dev.migsafe.dialect.Dialect;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.merge.Merge;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.util.TablesNamesFinder;

/**
 * The tables and columns one statement of application code names (a query, an insert, an update):
 * what the code needs from the schema. Names are normalised as migrations' are ({@link Names}).
 *
 * @param columns table -> columns it names; {@link #ALL} when the statement takes every column
 *                ({@code SELECT *}, an INSERT without a column list)
 * @param writes  the tables the statement inserts into, updates, merges into or deletes from
 * @param problem why the statement could not be read, or null
 */
public record SqlReferences(Map<String, Set<String>> columns, Set<String> writes, String problem) {
    /** Stands for every column of a table. */
    public static final String ALL = "*";

    public boolean isUnderstood() {
        return problem == null;
    }

    /** Reads one statement; a statement JSqlParser cannot read comes back with its {@link #problem()}. */
    public static SqlReferences read(String sql, Dialect dialect) {
        StringBuilder why = new StringBuilder();
        Statement statement = JSqlParsing.parse(sql, dialect, why);
        if (statement == null) {
            return new SqlReferences(Map.of(), Set.of(), why.length() == 0 ? "not understood" : why.toString());
        }
        Finder finder = new Finder(dialect);
        try {
            finder.getTables(statement);
        } catch (RuntimeException e) { // JSqlParser's visitors throw on constructs they do not cover
            return new SqlReferences(Map.of(), Set.of(), "not understood (" + e.getClass().getSimpleName() + ")");
        }
        return finder.result();
    }

    /** JSqlParser's table finder, which also sees every column, star and written table on its way. */
    private static final class Finder extends TablesNamesFinder<Void> {
        private final Dialect dialect;
        private final Map<String, String> aliases = new HashMap<>();
        private final Set<String> tables = new LinkedHashSet<>();
        private final Set<String> writes = new LinkedHashSet<>();
        private final Set<String> qualifiedColumns = new LinkedHashSet<>(); // "qualifier\0column"
        private final Set<String> bareColumns = new LinkedHashSet<>();
        private final Set<String> starQualifiers = new LinkedHashSet<>();
        private boolean star;

        Finder(Dialect dialect) {
            this.dialect = dialect;
        }

        @Override
        public <S> Void visit(Table table, S context) {
            String name = Names.qualified(table.getFullyQualifiedName(), dialect);
            tables.add(name);
            aliases.put(name, name);
            aliases.put(Names.last(table.getName(), dialect), name);
            if (table.getAlias() != null) {
                aliases.put(Names.identifier(table.getAlias().getName(), dialect), name);
            }
            return super.visit(table, context);
        }

        @Override
        public <S> Void visit(Column column, S context) {
            String name = Names.identifier(column.getColumnName(), dialect);
            if (column.getTable() != null && column.getTable().getName() != null) {
                qualifiedColumns.add(Names.identifier(column.getTable().getName(), dialect) + "\0" + name);
            } else {
                bareColumns.add(name);
            }
            return super.visit(column, context);
        }

        @Override
        public <S> Void visit(AllColumns allColumns, S context) {
            star = true;
            return super.visit(allColumns, context);
        }

        @Override
        public <S> Void visit(AllTableColumns all, S context) {
            starQualifiers.add(Names.identifier(all.getTable().getName(), dialect));
            return super.visit(all, context);
        }

        @Override
        public <S> Void visit(Insert insert, S context) {
            String table = Names.qualified(insert.getTable().getFullyQualifiedName(), dialect);
            writes.add(table);
            if (insert.getColumns() == null || insert.getColumns().isEmpty()) {
                starQualifiers.add(table);
            }
            return super.visit(insert, context);
        }

        @Override
        public <S> Void visit(Update update, S context) {
            writes.add(Names.qualified(update.getTable().getFullyQualifiedName(), dialect));
            return super.visit(update, context);
        }

        @Override
        public <S> Void visit(net.sf.jsqlparser.statement.delete.Delete delete, S context) {
            writes.add(Names.qualified(delete.getTable().getFullyQualifiedName(), dialect));
            return super.visit(delete, context);
        }

        @Override
        public <S> Void visit(Merge merge, S context) {
            writes.add(Names.qualified(merge.getTable().getFullyQualifiedName(), dialect));
            return super.visit(merge, context);
        }

        /**
         * A qualified column belongs to the table its qualifier names; a bare one to every table of the
         * statement (which one is the schema's business; counting it for each never misses a use).
         */
        SqlReferences result() {
            Map<String, Set<String>> columns = new LinkedHashMap<>();
            tables.forEach(t -> columns.put(t, new LinkedHashSet<>()));
            for (String qc : qualifiedColumns) {
                String[] parts = qc.split("\0", 2);
                String table = aliases.get(parts[0]);
                if (table != null) {
                    columns.get(table).add(parts[1]);
                }
            }
            for (String table : tables) {
                columns.get(table).addAll(bareColumns);
                if (star || starQualifiers.contains(table) || starQualifiers.stream().anyMatch(q -> table.equals(aliases.get(q)))) {
                    columns.get(table).add(ALL);
                }
            }
            return new SqlReferences(columns, writes, null);
        }
    }
}
