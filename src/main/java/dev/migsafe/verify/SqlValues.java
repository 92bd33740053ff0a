package dev.migsafe.verify;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Binding generated values and reading rows back, the same way on every server. */
final class SqlValues {

    private SqlValues() {
    }

    /**
     * PostgreSQL gets strings as untyped literals, so the server converts them to the column's type
     * (enums, json, uuid, dates); MySQL converts strings itself.
     */
    static void bind(PreparedStatement ps, int index, Object value, ServerKind kind) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.NULL);
        } else if (value instanceof String && kind.isPostgres()) {
            ps.setObject(index, value, Types.OTHER);
        } else {
            ps.setObject(index, value);
        }
    }

    static void bindAll(PreparedStatement ps, List<Object> values, ServerKind kind) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            bind(ps, i + 1, values.get(i), kind);
        }
    }

    /** Rows as column name to value, in column order. */
    static List<Map<String, Object>> rows(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        List<Map<String, Object>> rows = new ArrayList<>();
        while (rs.next()) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                row.put(md.getColumnLabel(i), rs.getObject(i));
            }
            rows.add(row);
        }
        return rows;
    }
}
