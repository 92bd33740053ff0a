package dev.migsafe.verify;

import java.math.BigDecimal;
import java.sql.Types;
import java.util.Arrays;
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

    /** The longest text an edge row writes: long enough to outgrow a narrowed VARCHAR, short enough for an index. */
    static final int LONGEST_TEXT = 2000;

    /**
     * A value at the limit of the column's type, where a narrowing, a truncation or a lossy type
     * change shows: the longest string (with a non-ASCII letter), the largest precision and scale,
     * the most negative integer (the largest for unsigned ones), the largest float, the latest date
     * and time with fractional seconds, the last enum label. Null when the type has no telling edge
     * (booleans, uuids, json): the ordinary value serves.
     */
    static Object edge(ColumnShape column) {
        if (!column.allowedValues().isEmpty()) {
            return column.allowedValues().get(column.allowedValues().size() - 1);
        }
        String type = column.type().toLowerCase(Locale.ROOT);
        boolean unsigned = type.contains("unsigned");
        switch (column.jdbcType()) {
            case Types.TINYINT:
                return unsigned ? 255L : -128L;
            case Types.SMALLINT:
                return unsigned ? 65_535L : -32_768L;
            case Types.INTEGER:
                return type.startsWith("mediumint") ? (unsigned ? 16_777_215L : -8_388_608L)
                        : unsigned ? 4_294_967_295L : (long) Integer.MIN_VALUE;
            case Types.BIGINT:
                return unsigned ? new BigDecimal("18446744073709551615") : Long.MIN_VALUE;
            case Types.DECIMAL:
            case Types.NUMERIC:
                return column.size() > 0 && column.size() <= 1000 ? largestDecimal(column.size(), column.scale()) : null;
            case Types.REAL:
                return -3.0e38;
            case Types.FLOAT:
            case Types.DOUBLE:
                return type.startsWith("float") && !type.startsWith("float8") ? -3.0e38 : -1.0e308;
            case Types.DATE:
                return type.startsWith("year") ? "2155" : "9999-12-31";
            case Types.TIME:
            case Types.TIME_WITH_TIMEZONE:
                return "23:59:59.123456";
            case Types.TIMESTAMP:
            case Types.TIMESTAMP_WITH_TIMEZONE:
                // MySQL's TIMESTAMP ends in 2038; DATETIME and PostgreSQL's timestamps reach 9999
                return type.startsWith("datetime") ? "9999-12-31 23:59:59.123456" : "2038-01-18 23:59:59.123456";
            case Types.CHAR:
            case Types.NCHAR:
            case Types.VARCHAR:
            case Types.NVARCHAR:
            case Types.LONGVARCHAR:
            case Types.LONGNVARCHAR:
            case Types.CLOB:
                return isPlainText(column, type) ? longest(column) : null;
            case Types.BINARY:
            case Types.VARBINARY:
                return column.size() > 0 && column.size() <= LONGEST_TEXT ? filled(column.size()) : null;
            default:
                return (type.startsWith("varchar") || type.equals("text")) && isPlainText(column, type) ? longest(column) : null;
        }
    }

    /** Text the server stores as it is: not json, uuid, inet and the like that JDBC also files as text. */
    private static boolean isPlainText(ColumnShape column, String type) {
        return special(column, type, 0).equals(text(column, 0));
    }

    /** 99999999.99 for numeric(10,2). */
    private static BigDecimal largestDecimal(int precision, int scale) {
        return BigDecimal.ONE.movePointRight(precision).subtract(BigDecimal.ONE).movePointLeft(scale);
    }

    /** As long as the column allows (up to {@link #LONGEST_TEXT}), starting with a letter outside ASCII. */
    private static String longest(ColumnShape column) {
        int length = column.size() > 0 ? Math.min(column.size(), LONGEST_TEXT) : LONGEST_TEXT;
        return "\u00c4" + "x".repeat(Math.max(0, length - 1));
    }

    private static byte[] filled(int length) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) 0xff);
        return bytes;
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
