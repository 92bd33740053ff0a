package dev.migsafe.verify;

import java.math.BigDecimal;
import java.sql.Types;
import java.util.Locale;
import java.util.UUID;

import dev.migsafe.verify.SchemaSnapshot.ColumnShape;

/**
 * Synthetic values that fit a column: its type, length and enum labels, and different for each row
 * number so that unique constraints hold. Values are Java objects or strings the server converts
 * (see {@link SqlValues}); nothing here knows about foreign keys.
 */
final class ValueGenerator {

    private ValueGenerator() {
    }

    /** A value for row {@code row} (0-based, small) of the column. */
    static Object value(ColumnShape column, int row) {
        if (!column.allowedValues().isEmpty()) {
            return column.allowedValues().get(row % column.allowedValues().size());
        }
        String type = column.type().toLowerCase(Locale.ROOT);
        switch (column.jdbcType()) {
            case Types.TINYINT:
                return (long) (100 + row);
            case Types.SMALLINT:
                return (long) (30000 + row);
            case Types.INTEGER:
            case Types.BIGINT:
                return (long) (900000 + row);
            case Types.DECIMAL:
            case Types.NUMERIC:
                return decimal(column, row);
            case Types.REAL:
            case Types.FLOAT:
            case Types.DOUBLE:
                return BigDecimal.valueOf(row + 1).add(new BigDecimal("0.5"));
            case Types.BIT:
            case Types.BOOLEAN:
                return column.size() > 1 && !type.startsWith("bool") ? (Object) (long) row : (Object) (row % 2 == 0);
            case Types.DATE:
                return type.startsWith("year") ? String.valueOf(2000 + row) : "2024-01-0" + (1 + row % 9);
            case Types.TIME:
            case Types.TIME_WITH_TIMEZONE:
                return "12:00:0" + row % 10;
            case Types.TIMESTAMP:
            case Types.TIMESTAMP_WITH_TIMEZONE:
                return "2024-01-01 00:00:0" + row % 10;
            case Types.BINARY:
            case Types.VARBINARY:
            case Types.LONGVARBINARY:
            case Types.BLOB:
                return new byte[] {(byte) row};
            case Types.ARRAY:
                return "{}";
            default:
                return special(column, type, row);
        }
    }

    /** Types JDBC files under OTHER, or under VARCHAR with a telling name. */
    private static Object special(ColumnShape column, String type, int row) {
        if (type.equals("uuid")) {
            return new UUID(0, row + 1L).toString();
        }
        if (type.startsWith("json")) {
            return "{\"migsafe\": " + row + "}";
        }
        if (type.equals("inet") || type.equals("cidr")) {
            return "10.0.0." + (row + 1);
        }
        if (type.equals("macaddr")) {
            return "08:00:2b:01:02:0" + row % 10;
        }
        if (type.equals("interval")) {
            return (row + 1) + " days";
        }
        if (type.equals("money")) {
            return String.valueOf(row + 1);
        }
        if (type.equals("point")) {
            return "(" + row + "," + row + ")";
        }
        if (type.equals("xml")) {
            return "<migsafe row=\"" + row + "\"/>";
        }
        if (type.equals("tsvector")) {
            return "migsafe" + row;
        }
        return text(column, row);
    }

    private static String text(ColumnShape column, int row) {
        String value = column.name() + "_" + row;
        int max = column.size() > 0 ? column.size() : Integer.MAX_VALUE;
        return value.length() <= max ? value : Integer.toString(row, 36);
    }

    /** Fits precision and scale: numeric(2,2) gets 0.01, 0.02; numeric(10,2) gets 1.00, 2.00. */
    private static BigDecimal decimal(ColumnShape column, int row) {
        int integerDigits = column.size() - column.scale();
        BigDecimal whole = BigDecimal.valueOf(row + 1L);
        if (column.size() > 0 && integerDigits < whole.precision()) {
            return BigDecimal.valueOf(row + 1L, column.scale());
        }
        return column.scale() > 0 ? whole.setScale(column.scale()) : whole;
    }
}
