package dev.migsafe.change;

import java.util.List;

/**
 * A column type, normalised so that aliases compare equal ({@code int4} = {@code integer},
 * {@code character varying} = {@code varchar}).
 *
 * @param base       canonical lower-case base name: integer, bigint, smallint, varchar, char, text,
 *                   numeric, boolean, timestamp, timestamptz, date, jsonb, enum, ... ; for user types
 *                   the type's normalised name
 * @param args       numeric type arguments (length, precision, scale), empty when none
 * @param enumValues for MySQL inline {@code ENUM(...)}/{@code SET(...)} the values, else empty
 * @param array      PostgreSQL array type
 * @param raw        the type as written
 */
public record SqlType(String base, List<Integer> args, List<String> enumValues, boolean array, String raw) {

    public static SqlType of(String base, Integer... args) {
        return new SqlType(base, List.of(args), List.of(), false, base);
    }

    /** Length / precision, or null. */
    public Integer length() {
        return args.isEmpty() ? null : args.get(0);
    }

    /** Scale, or null. */
    public Integer scale() {
        return args.size() < 2 ? null : args.get(1);
    }

    /** Same type for the database, ignoring how it was spelled. */
    public boolean sameAs(SqlType other) {
        return other != null && base.equals(other.base) && args.equals(other.args)
                && enumValues.equals(other.enumValues) && array == other.array;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(base);
        if (!enumValues.isEmpty()) {
            sb.append('(').append(String.join(",", enumValues.stream().map(v -> "'" + v + "'").toList())).append(')');
        } else if (!args.isEmpty()) {
            sb.append('(').append(String.join(",", args.stream().map(String::valueOf).toList())).append(')');
        }
        if (array) {
            sb.append("[]");
        }
        return sb.toString();
    }
}
