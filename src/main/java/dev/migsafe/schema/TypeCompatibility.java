package dev.migsafe.schema;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.migsafe.change.SqlType;
import dev.migsafe.dialect.Dialect;

/**
 * Judges a column type change old -> new from the point of view of an application written for the
 * old type and of the data already stored.
 *
 * <ul>
 *   <li>{@link Compatibility#SAME}: the same type under another spelling ({@code varchar} = {@code text});</li>
 *   <li>{@link Compatibility#WIDENING}: every old value fits and reads back the same (longer varchar,
 *       smallint -> integer -> bigint, more numeric precision, enum values appended...);</li>
 *   <li>{@link Compatibility#NARROWING}: the reverse of a widening: some old values no longer fit;</li>
 *   <li>{@link Compatibility#INCOMPATIBLE}: another kind of value (text -> integer, timestamp -> date,
 *       enum value removed or reordered);</li>
 *   <li>{@link Compatibility#UNKNOWN}: the old type is not known to the model, nothing can be said.</li>
 * </ul>
 */
public final class TypeCompatibility {

    public enum Compatibility { SAME, WIDENING, NARROWING, INCOMPATIBLE, UNKNOWN }

    private enum Family { INTEGER, EXACT, FLOAT, STRING, BINARY, TIME, INLINE_ENUM, OTHER }

    /** Stand-ins for "no length limit", ordered so MySQL's text < mediumtext < longtext still compare. */
    private static final long UNBOUNDED = Long.MAX_VALUE - 2;

    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("int", "integer"), Map.entry("int4", "integer"), Map.entry("serial", "integer"),
            Map.entry("serial4", "integer"), Map.entry("int2", "smallint"), Map.entry("smallserial", "smallint"),
            Map.entry("serial2", "smallint"), Map.entry("int8", "bigint"), Map.entry("bigserial", "bigint"),
            Map.entry("serial8", "bigint"), Map.entry("decimal", "numeric"), Map.entry("dec", "numeric"),
            Map.entry("float4", "real"), Map.entry("float8", "double"), Map.entry("double precision", "double"),
            Map.entry("character varying", "varchar"), Map.entry("nvarchar", "varchar"),
            Map.entry("character", "char"), Map.entry("bpchar", "char"), Map.entry("nchar", "char"),
            Map.entry("timestamp without time zone", "timestamp"), Map.entry("timestamp with time zone", "timestamptz"),
            Map.entry("time without time zone", "time"), Map.entry("time with time zone", "timetz"),
            Map.entry("bool", "boolean"), Map.entry("clob", "longtext"));

    /** Storage bytes of the integer types, and how many decimal digits each holds completely. */
    private static final Map<String, Integer> INTEGER_BYTES = Map.of(
            "tinyint", 1, "smallint", 2, "mediumint", 3, "integer", 4, "bigint", 8);
    private static final Map<String, Integer> INTEGER_DIGITS = Map.of(
            "tinyint", 3, "smallint", 5, "mediumint", 7, "integer", 10, "bigint", 19);

    private TypeCompatibility() {
    }

    public static Compatibility classify(SqlType from, SqlType to) {
        return classify(from, to, Dialect.POSTGRESQL);
    }

    public static Compatibility classify(SqlType from, SqlType to, Dialect dialect) {
        if (!known(from) || !known(to)) {
            return Compatibility.UNKNOWN;
        }
        if (from.array() != to.array()) {
            return Compatibility.INCOMPATIBLE;
        }
        // an array type changes as its elements do, so the same rules apply
        String a = canonical(from, dialect);
        String b = canonical(to, dialect);
        Family fa = family(a);
        Family fb = family(b);
        if (isNumber(fa) && isNumber(fb)) {
            return numbers(a, from, b, to);
        }
        if (fa != fb) {
            return Compatibility.INCOMPATIBLE;
        }
        return switch (fa) {
            case STRING, BINARY -> strings(a, from, b, to);
            case TIME -> a.equals(b) ? byOrder(precision(a, from, dialect), precision(b, to, dialect))
                    : Compatibility.INCOMPATIBLE;
            case INLINE_ENUM -> a.equals(b) ? enums(from.enumValues(), to.enumValues()) : Compatibility.INCOMPATIBLE;
            default -> a.equals(b) && from.args().equals(to.args()) ? Compatibility.SAME : Compatibility.INCOMPATIBLE;
        };
    }

    /**
     * Converting the stored values can fail or lose information: every narrowing, and the
     * incompatible changes other than the few that keep every value (anything to text, date to
     * timestamp, timestamp to timestamptz, json to jsonb).
     */
    public static boolean mayFailOrLoseData(SqlType from, SqlType to, Dialect dialect) {
        return switch (classify(from, to, dialect)) {
            case SAME, WIDENING, UNKNOWN -> false;
            case NARROWING -> true;
            case INCOMPATIBLE -> !keepsEveryValue(from, to, dialect);
        };
    }

    public static boolean known(SqlType type) {
        return type != null && type.base() != null && !Column.UNKNOWN_TYPE.base().equals(type.base());
    }

    private static boolean keepsEveryValue(SqlType from, SqlType to, Dialect dialect) {
        String a = canonical(from, dialect);
        String b = canonical(to, dialect);
        if (family(b) == Family.STRING && !to.array()) {
            long room = capacity(b, to);
            if (room >= UNBOUNDED) {
                return true;
            }
            if (family(a) == Family.STRING) {
                return room >= capacity(a, from); // varchar(n) -> char(m >= n): padded, not cut
            }
            if (family(a) == Family.INLINE_ENUM) {
                return from.enumValues().stream().allMatch(v -> v.length() <= room);
            }
            return false;
        }
        if (family(a) == Family.INLINE_ENUM && family(b) == Family.INLINE_ENUM) {
            return to.enumValues().containsAll(from.enumValues()); // reordered, nothing removed
        }
        return (a.equals("date") && List.of("timestamp", "timestamptz", "datetime").contains(b))
                || (a.equals("timestamp") && b.equals("timestamptz"))
                || (a.equals("timestamptz") && b.equals("timestamp"))
                || (a.equals("json") && b.equals("jsonb"))
                || (a.equals("jsonb") && b.equals("json"));
    }

    // ---- families -------------------------------------------------------------------------------

    private static String canonical(SqlType type, Dialect dialect) {
        String base = type.base().trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (base.equals("float")) {
            // float(p) is real up to 24 bits, else double; a bare FLOAT is the dialect's (MySQL single, PostgreSQL double)
            Integer p = dialect.syntax().floatLengthIsPrecision() ? type.length() : null;
            return (p != null ? p : dialect.syntax().bareFloatPrecision()) <= 24 ? "real" : "double";
        }
        return ALIASES.getOrDefault(base, base);
    }

    private static Family family(String base) {
        if (INTEGER_BYTES.containsKey(base)) {
            return Family.INTEGER;
        }
        return switch (base) {
            case "numeric" -> Family.EXACT;
            case "real", "double" -> Family.FLOAT;
            case "char", "varchar", "text", "tinytext", "mediumtext", "longtext" -> Family.STRING;
            case "binary", "varbinary", "bytea", "tinyblob", "blob", "mediumblob", "longblob" -> Family.BINARY;
            case "timestamp", "timestamptz", "datetime", "time", "timetz" -> Family.TIME;
            case "enum", "set" -> Family.INLINE_ENUM;
            default -> Family.OTHER;
        };
    }

    private static boolean isNumber(Family f) {
        return f == Family.INTEGER || f == Family.EXACT || f == Family.FLOAT;
    }

    // ---- numbers --------------------------------------------------------------------------------

    private static Compatibility numbers(String a, SqlType from, String b, SqlType to) {
        if (a.equals(b) && (family(a) != Family.EXACT || from.args().equals(to.args()))) {
            return Compatibility.SAME;
        }
        return holdsAll(a, from, b, to) ? Compatibility.WIDENING : Compatibility.NARROWING;
    }

    /** Every value of the old number type is exactly representable in the new one. */
    private static boolean holdsAll(String a, SqlType from, String b, SqlType to) {
        Family fa = family(a);
        Family fb = family(b);
        if (fa == Family.INTEGER && fb == Family.INTEGER) {
            return INTEGER_BYTES.get(b) >= INTEGER_BYTES.get(a);
        }
        if (fa == Family.INTEGER && fb == Family.EXACT) {
            return to.length() == null || to.length() - scale(to) >= INTEGER_DIGITS.get(a);
        }
        if (fa == Family.INTEGER && fb == Family.FLOAT) {
            int mantissaBytes = b.equals("real") ? 3 : 6; // 24 and 53 bits
            return INTEGER_BYTES.get(a) <= mantissaBytes;
        }
        if (fa == Family.EXACT && fb == Family.EXACT) {
            if (to.length() == null) {
                return true;
            }
            if (from.length() == null) {
                return false;
            }
            int p = from.length();
            int s = scale(from);
            int p2 = to.length();
            int s2 = scale(to);
            return p2 >= p && s2 >= s && p2 - s2 >= p - s;
        }
        if (fa == Family.EXACT && fb == Family.INTEGER) {
            // numeric(p, 0) fits an integer type that holds every p-digit number
            return from.length() != null && scale(from) == 0 && from.length() < INTEGER_DIGITS.get(b);
        }
        if (fa == Family.FLOAT && fb == Family.FLOAT) {
            return b.equals("double") || a.equals("real");
        }
        return false;
    }

    private static int scale(SqlType numeric) {
        return numeric.scale() == null ? 0 : numeric.scale();
    }

    // ---- strings and binaries -------------------------------------------------------------------

    private static Compatibility strings(String a, SqlType from, String b, SqlType to) {
        long ca = capacity(a, from);
        long cb = capacity(b, to);
        boolean fixedA = a.equals("char") || a.equals("binary");
        boolean fixedB = b.equals("char") || b.equals("binary");
        if (fixedA == fixedB) {
            return byOrder(ca, cb);
        }
        if (fixedA) {
            // char(n) -> varchar(m >= n) / text: every value fits (trailing blanks are not significant)
            return cb >= ca ? Compatibility.WIDENING : Compatibility.NARROWING;
        }
        // variable -> fixed: values come back blank-padded even when they fit
        return cb < ca ? Compatibility.NARROWING : Compatibility.INCOMPATIBLE;
    }

    private static long capacity(String base, SqlType type) {
        return switch (base) {
            case "char", "binary" -> type.length() == null ? 1 : type.length();
            case "varchar", "varbinary" -> type.length() == null ? UNBOUNDED : type.length();
            case "tinytext", "tinyblob" -> 255;
            case "mediumtext", "mediumblob" -> UNBOUNDED + 1;
            case "longtext", "longblob" -> UNBOUNDED + 2;
            default -> UNBOUNDED; // text, blob, bytea
        };
    }

    // ---- others ---------------------------------------------------------------------------------

    private static Integer precision(String base, SqlType type, Dialect dialect) {
        if (type.length() != null) {
            return type.length();
        }
        return dialect.syntax().defaultFractionalSecondsDigits();
    }

    private static Compatibility byOrder(long from, long to) {
        if (to == from) {
            return Compatibility.SAME;
        }
        return to > from ? Compatibility.WIDENING : Compatibility.NARROWING;
    }

    /** MySQL ENUM/SET store positions: only values appended at the end keep every stored value. */
    private static Compatibility enums(List<String> from, List<String> to) {
        if (from.equals(to)) {
            return Compatibility.SAME;
        }
        if (to.size() > from.size() && to.subList(0, from.size()).equals(from)) {
            return Compatibility.WIDENING;
        }
        return Compatibility.INCOMPATIBLE;
    }
}
