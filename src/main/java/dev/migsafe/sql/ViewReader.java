package dev.migsafe.sql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.migsafe.change.Change;
import dev.migsafe.change.ViewColumn;
import dev.migsafe.dialect.Dialect;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.create.view.AlterView;
import net.sf.jsqlparser.statement.create.view.CreateView;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.util.TablesNamesFinder;

/**
 * CREATE VIEW / ALTER VIEW AS (MySQL) from JSqlParser's AST: the output columns with where their
 * values come from, and every table column the query reads.
 *
 * <p>Column references are resolved through the FROM aliases of the whole query. An unqualified
 * column in a query over several tables cannot be placed without the schema, so it is listed as
 * read from each of them ("could read"); the schema stage keeps only the pairs that exist.
 */
final class ViewReader {

    private final Dialect dialect;

    ViewReader(Dialect dialect) {
        this.dialect = dialect;
    }

    /** The CreateView event, or null when the AST is not a view definition. */
    Change read(Statement statement) {
        if (statement instanceof CreateView cv) {
            List<String> names = new ArrayList<>();
            if (cv.getColumnNames() != null) {
                for (Column col : cv.getColumnNames()) {
                    names.add(Names.identifier(col.getColumnName(), dialect));
                }
            }
            return view(cv.getView(), names, cv.getSelect(), cv.isOrReplace(), cv.isMaterialized());
        }
        if (statement instanceof AlterView av) {
            List<String> names = new ArrayList<>();
            if (av.getColumnNames() != null) {
                for (String col : av.getColumnNames()) {
                    names.add(Names.identifier(col, dialect));
                }
            }
            return view(av.getView(), names, av.getSelect(), true, false);
        }
        return null;
    }

    private Change view(Table view, List<String> columnNames, Select select, boolean orReplace, boolean materialized) {
        Lineage lineage = new Lineage();
        lineage.collect(select);
        List<ViewColumn> columns = outputColumns(select, lineage);
        return new Change.CreateView(tableName(view), columnNames, columns, List.copyOf(lineage.reads()),
                orReplace, materialized);
    }

    private List<ViewColumn> outputColumns(Select select, Lineage lineage) {
        PlainSelect plain = firstPlainSelect(select);
        List<ViewColumn> columns = new ArrayList<>();
        if (plain == null) {
            return columns;
        }
        List<String> fromTables = lineage.tablesOf(plain);
        for (SelectItem<?> item : plain.getSelectItems()) {
            Expression e = item.getExpression();
            Alias alias = item.getAlias();
            String aliasName = alias == null ? null : Names.identifier(alias.getName(), dialect);
            if (e instanceof AllTableColumns atc) {
                columns.add(new ViewColumn("*", lineage.resolve(atc.getTable().getFullyQualifiedName()), null));
            } else if (e instanceof AllColumns) {
                if (fromTables.isEmpty()) {
                    columns.add(new ViewColumn("*", null, null));
                }
                for (String table : fromTables) {
                    columns.add(new ViewColumn("*", table, null));
                }
            } else if (e instanceof Column col) {
                String column = Names.identifier(col.getColumnName(), dialect);
                String table = col.getTable() != null && col.getTable().getName() != null
                        ? lineage.resolve(col.getTable().getFullyQualifiedName())
                        : fromTables.size() == 1 ? fromTables.get(0) : null;
                columns.add(new ViewColumn(aliasName != null ? aliasName : column, table, column));
            } else {
                String name = aliasName != null ? aliasName
                        : e instanceof Function f ? Names.last(f.getName(), dialect) : "?column?";
                columns.add(new ViewColumn(name, null, null));
            }
        }
        return columns;
    }

    private static PlainSelect firstPlainSelect(Select select) {
        if (select instanceof PlainSelect p) {
            return p;
        }
        if (select instanceof SetOperationList s && !s.getSelects().isEmpty()) {
            return firstPlainSelect(s.getSelects().get(0));
        }
        if (select instanceof ParenthesedSelect p) {
            return firstPlainSelect(p.getSelect());
        }
        return null;
    }

    private String tableName(Table table) {
        return Names.qualified(table.getFullyQualifiedName(), dialect);
    }

    /** Walks the whole query, recording table aliases, column references and star selections. */
    private final class Lineage extends TablesNamesFinder<Void> {
        private final Map<String, String> aliases = new HashMap<>();
        private final Set<String> baseTables = new LinkedHashSet<>();
        private final List<Column> columns = new ArrayList<>();
        private final List<String> starTables = new ArrayList<>();
        private boolean plainStar;

        void collect(Select select) {
            for (String t : getTables((Statement) select)) {
                baseTables.add(Names.qualified(t, dialect));
            }
        }

        @Override
        public <S> Void visit(Table table, S context) {
            if (table.getAlias() != null) {
                aliases.put(Names.identifier(table.getAlias().getName(), dialect),
                        Names.qualified(table.getFullyQualifiedName(), dialect));
            }
            return super.visit(table, context);
        }

        @Override
        public <S> Void visit(Column column, S context) {
            columns.add(column);
            return null;
        }

        @Override
        public <S> Void visit(AllColumns allColumns, S context) {
            plainStar = true;
            return null;
        }

        @Override
        public <S> Void visit(AllTableColumns allTableColumns, S context) {
            starTables.add(allTableColumns.getTable().getFullyQualifiedName());
            return null;
        }

        /** A table name or alias as written, resolved to the table's normalised name (or null for a subquery/CTE). */
        String resolve(String written) {
            String key = Names.qualified(written, dialect);
            String table = aliases.getOrDefault(key, key);
            return baseTables.contains(table) ? table : null;
        }

        /** Base tables in the FROM and JOINs of one SELECT. */
        List<String> tablesOf(PlainSelect plain) {
            List<String> tables = new ArrayList<>();
            addTable(plain.getFromItem(), tables);
            if (plain.getJoins() != null) {
                for (Join join : plain.getJoins()) {
                    addTable(join.getFromItem(), tables);
                }
            }
            return tables;
        }

        private void addTable(FromItem item, List<String> tables) {
            if (item instanceof Table t) {
                String name = Names.qualified(t.getFullyQualifiedName(), dialect);
                if (baseTables.contains(name)) {
                    tables.add(name);
                }
            }
        }

        /** Every table.column read, and table.* for star selections. */
        Set<String> reads() {
            Set<String> reads = new LinkedHashSet<>();
            for (Column col : columns) {
                String column = Names.identifier(col.getColumnName(), dialect);
                if (col.getTable() != null && col.getTable().getName() != null) {
                    String table = resolve(col.getTable().getFullyQualifiedName());
                    if (table != null) {
                        reads.add(table + "." + column);
                    }
                } else {
                    for (String table : baseTables) {
                        reads.add(table + "." + column);
                    }
                }
            }
            for (String star : starTables) {
                String table = resolve(star);
                if (table != null) {
                    reads.add(table + ".*");
                }
            }
            if (plainStar) {
                for (String table : baseTables) {
                    reads.add(table + ".*");
                }
            }
            return reads;
        }
    }
}
