package dev.migsafe.verify;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migsafe.verify.SchemaSnapshot.CheckShape;
import dev.migsafe.verify.SchemaSnapshot.ColumnShape;
import dev.migsafe.verify.SchemaSnapshot.ForeignKeyShape;
import dev.migsafe.verify.SchemaSnapshot.IndexShape;
import dev.migsafe.verify.SchemaSnapshot.TableShape;

/** Reads a {@link SchemaSnapshot} of the connection's current schema (or MySQL database) from JDBC metadata. */
final class SnapshotReader {

    /** Migration engines' bookkeeping, not the application's schema. */
    private static final Set<String> ENGINE_TABLES = Set.of("flyway_schema_history", "databasechangelog",
            "databasechangeloglock");
    private static final Set<Integer> SIZED_TYPES = Set.of(Types.CHAR, Types.VARCHAR, Types.NCHAR, Types.NVARCHAR,
            Types.BINARY, Types.VARBINARY, Types.DECIMAL, Types.NUMERIC, Types.BIT);
    private static final Pattern QUOTED_LABEL = Pattern.compile("'((?:[^']|'')*)'");

    private final ServerKind kind;
    private final String flywayTable;

    /** @param flywayTable the project's Flyway history table, bookkeeping like the default one */
    SnapshotReader(ServerKind kind, String flywayTable) {
        this.kind = kind;
        this.flywayTable = flywayTable.toLowerCase(java.util.Locale.ROOT);
    }

    SchemaSnapshot read(Connection c) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        // tables live in a schema on PostgreSQL, in a catalog (the database) on MySQL
        String catalog = switch (kind) {
            case POSTGRESQL -> null;
            case MYSQL, MARIADB -> c.getCatalog();
        };
        String schema = switch (kind) {
            case POSTGRESQL -> c.getSchema();
            case MYSQL, MARIADB -> null;
        };

        List<String> tableNames = new ArrayList<>();
        List<String> views = new ArrayList<>();
        try (ResultSet rs = md.getTables(catalog, schema, "%",
                new String[] {"TABLE", "PARTITIONED TABLE", "VIEW", "MATERIALIZED VIEW"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                if (rs.getString("TABLE_TYPE").contains("VIEW")) {
                    views.add(name);
                } else if (!isBookkeeping(name.toLowerCase(java.util.Locale.ROOT))) {
                    tableNames.add(name);
                }
            }
        }
        Map<String, List<String>> labels = enumLabels(c);
        Map<String, List<ColumnShape>> columns = columns(md, catalog, schema, labels);
        Map<String, List<CheckShape>> checks = checks(c, schema);
        TreeMap<String, TableShape> tables = new TreeMap<>();
        for (String table : tableNames) {
            tables.put(table, new TableShape(table, columns.getOrDefault(table, List.of()),
                    primaryKey(md, catalog, schema, table), indexes(md, catalog, schema, table),
                    foreignKeys(md, catalog, schema, table), checks.getOrDefault(table, List.of())));
        }
        views.sort(Comparator.naturalOrder());
        return new SchemaSnapshot(tables, views);
    }

    private boolean isBookkeeping(String table) {
        return ENGINE_TABLES.contains(table) || ToolHistory.TABLES.contains(table) || table.equals(flywayTable);
    }

    private Map<String, List<ColumnShape>> columns(DatabaseMetaData md, String catalog, String schema,
                                                   Map<String, List<String>> labels) throws SQLException {
        Map<String, List<ColumnShape>> byTable = new HashMap<>();
        try (ResultSet rs = md.getColumns(catalog, schema, "%", "%")) {
            while (rs.next()) {
                String table = rs.getString("TABLE_NAME");
                String name = rs.getString("COLUMN_NAME");
                String typeName = rs.getString("TYPE_NAME");
                int jdbcType = rs.getInt("DATA_TYPE");
                int size = rs.getInt("COLUMN_SIZE");
                int scale = rs.getInt("DECIMAL_DIGITS");
                boolean generated = "YES".equalsIgnoreCase(rs.getString("IS_AUTOINCREMENT"))
                        || "YES".equalsIgnoreCase(rs.getString("IS_GENERATEDCOLUMN"));
                String type = SIZED_TYPES.contains(jdbcType) && size > 0 && size < 10_000_000
                        ? typeName + "(" + size + (scale > 0 ? "," + scale : "") + ")" : typeName;
                String labelsOf = switch (kind) {
                    case POSTGRESQL -> typeName; // an enum is a type of its own
                    case MYSQL, MARIADB -> table + "." + name; // an enum is written on the column
                };
                List<String> allowed = labels.getOrDefault(labelsOf, List.of());
                byTable.computeIfAbsent(table, t -> new ArrayList<>()).add(new ColumnShape(name, type, jdbcType, size,
                        scale, rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls, rs.getString("COLUMN_DEF"),
                        generated, allowed));
            }
        }
        return byTable;
    }

    /**
     * CHECK constraints per table, which JDBC metadata does not show: pg_constraint on PostgreSQL,
     * information_schema.CHECK_CONSTRAINTS on MySQL 8.0.16+ and MariaDB (older servers have none).
     */
    private Map<String, List<CheckShape>> checks(Connection c, String schema) throws SQLException {
        String sql = switch (kind) {
            case POSTGRESQL -> "SELECT rel.relname, con.conname, pg_get_constraintdef(con.oid) FROM pg_constraint con"
                    + " JOIN pg_class rel ON rel.oid = con.conrelid JOIN pg_namespace ns ON ns.oid = rel.relnamespace"
                    + " WHERE con.contype = 'c' AND ns.nspname = ? ORDER BY 1, 2";
            case MYSQL, MARIADB -> "SELECT tc.TABLE_NAME, cc.CONSTRAINT_NAME, cc.CHECK_CLAUSE"
                    + " FROM information_schema.CHECK_CONSTRAINTS cc"
                    + " JOIN information_schema.TABLE_CONSTRAINTS tc ON tc.CONSTRAINT_SCHEMA = cc.CONSTRAINT_SCHEMA"
                    + " AND tc.CONSTRAINT_NAME = cc.CONSTRAINT_NAME AND tc.CONSTRAINT_TYPE = 'CHECK'"
                    + (kind == ServerKind.MARIADB ? " AND tc.TABLE_NAME = cc.TABLE_NAME" : "")
                    + " WHERE cc.CONSTRAINT_SCHEMA = DATABASE() ORDER BY 1, 2";
        };
        Map<String, List<CheckShape>> byTable = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (kind.isPostgres()) {
                ps.setString(1, schema);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byTable.computeIfAbsent(rs.getString(1), t -> new ArrayList<>())
                            .add(new CheckShape(rs.getString(2), rs.getString(3)));
                }
            }
        } catch (SQLException e) {
            if (kind.isPostgres()) {
                throw e;
            }
            // MySQL before 8.0.16 has no CHECK constraints (it parsed and ignored them)
        }
        return byTable;
    }

    /** PostgreSQL: enum type name to labels. MySQL: "table.column" to ENUM/SET labels. */
    private Map<String, List<String>> enumLabels(Connection c) throws SQLException {
        Map<String, List<String>> labels = new HashMap<>();
        if (kind.isPostgres()) {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT t.typname, e.enumlabel FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid"
                            + " ORDER BY t.typname, e.enumsortorder")) {
                while (rs.next()) {
                    labels.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
            return labels;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT table_name, column_name, column_type"
                + " FROM information_schema.columns WHERE table_schema = DATABASE() AND data_type IN ('enum', 'set')");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                List<String> values = new ArrayList<>();
                Matcher m = QUOTED_LABEL.matcher(rs.getString(3));
                while (m.find()) {
                    values.add(m.group(1).replace("''", "'"));
                }
                labels.put(rs.getString(1) + "." + rs.getString(2), values);
            }
        }
        return labels;
    }

    private static List<String> primaryKey(DatabaseMetaData md, String catalog, String schema, String table)
            throws SQLException {
        Map<Integer, String> bySeq = new TreeMap<>();
        try (ResultSet rs = md.getPrimaryKeys(catalog, schema, table)) {
            while (rs.next()) {
                bySeq.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
            }
        }
        return new ArrayList<>(bySeq.values());
    }

    private static List<IndexShape> indexes(DatabaseMetaData md, String catalog, String schema, String table)
            throws SQLException {
        Map<String, TreeMap<Integer, String>> columns = new TreeMap<>();
        Map<String, Boolean> unique = new HashMap<>();
        try (ResultSet rs = md.getIndexInfo(catalog, schema, table, false, true)) {
            while (rs.next()) {
                String name = rs.getString("INDEX_NAME");
                if (rs.getShort("TYPE") == DatabaseMetaData.tableIndexStatistic || name == null) {
                    continue;
                }
                columns.computeIfAbsent(name, n -> new TreeMap<>())
                        .put((int) rs.getShort("ORDINAL_POSITION"), String.valueOf(rs.getString("COLUMN_NAME")));
                unique.put(name, !rs.getBoolean("NON_UNIQUE"));
            }
        }
        List<IndexShape> indexes = new ArrayList<>();
        columns.forEach((name, cols) -> indexes.add(new IndexShape(name, new ArrayList<>(cols.values()), unique.get(name))));
        return indexes;
    }

    private static List<ForeignKeyShape> foreignKeys(DatabaseMetaData md, String catalog, String schema, String table)
            throws SQLException {
        Map<String, TreeMap<Integer, String[]>> parts = new LinkedHashMap<>();
        Map<String, String> referenced = new HashMap<>();
        try (ResultSet rs = md.getImportedKeys(catalog, schema, table)) {
            while (rs.next()) {
                String name = String.valueOf(rs.getString("FK_NAME"));
                parts.computeIfAbsent(name, n -> new TreeMap<>()).put((int) rs.getShort("KEY_SEQ"),
                        new String[] {rs.getString("FKCOLUMN_NAME"), rs.getString("PKCOLUMN_NAME")});
                referenced.put(name, rs.getString("PKTABLE_NAME"));
            }
        }
        List<ForeignKeyShape> fks = new ArrayList<>();
        parts.forEach((name, cols) -> fks.add(new ForeignKeyShape(name,
                cols.values().stream().map(p -> p[0]).toList(), referenced.get(name),
                cols.values().stream().map(p -> p[1]).toList())));
        fks.sort(Comparator.comparing(ForeignKeyShape::name));
        return fks;
    }
}
