package dev.migsafe.schema;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.migsafe.change.SqlType;
import dev.migsafe.dialect.Dialect;
import dev.migsafe.dialect.TypeCasts;
import dev.migsafe.dialect.TypeCasts.Cast;
import dev.migsafe.dialect.TypeCasts.Effect;

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
 *
 * <p>{@link #judge} turns that into what the release written for the old type sees, and whether the
 * stored values survive: the size rules here (lengths, integer widths, numeric precision and scale,
 * fractional seconds, enum lists) for every dialect, and the dialect's cast table
 * ({@link dev.migsafe.dialect.Server#typeCasts()}) for conversions between kinds of types.
 */
public final class TypeCompatibility {

    public enum Compatibility { SAME, WIDENING, NARROWING, INCOMPATIBLE, UNKNOWN }

    private enum Family {
        INTEGER("integer"), EXACT("exact"), FLOAT("float"), STRING("string"), BINARY("binary"), TIME("temporal"),
        INLINE_ENUM("enum"), OTHER("other");

        /** as the cast tables name it (after a star) */
        private final String token;

        Family(String token) {
            this.token = token;
        }
    }

    /**
     * A type change as the older release and the stored data see it.
     *
     * @param olderRelease what the release written for the old type sees: nothing, a behaviour shift
     *                     (a warning) or failing / value-changing reads or writes (an error)
     * @param keepsValues  every stored value survives the conversion (DL202 reports when not)
     * @param reason       why, for a finding's message (null when nothing changes)
     */
    public record Judgement(Effect olderRelease, boolean keepsValues, String reason) {
        static final Judgement NOTHING = new Judgement(Effect.NONE, true, null);
    }

    private static final String NARROWER = "the new type is narrower: values the older release still writes that fit "
            + "the old type but not the new one are rejected (or cut), so its inserts and updates fail";
    private static final String NOT_EVERY_VALUE = "not every value of the old type converts to the new one: the older "
            + "release's writes of such values are rejected or stored changed";
    private static final String ANOTHER_TYPE = "the older release still reads and writes it as %s; it gets values of "
            + "another type back and its writes may be rejected or converted";
    private static final String FRACTIONS = "every value the older release writes fits, but fractional values the "
            + "newer release writes read back cut to whole numbers where the older one reads the column as an integer";
    private static final String ENUM_ORDER = "every value is kept, but ENUM and SET sort and compare by list position: "
            + "the older release's ORDER BY and range comparisons follow the new order";
    private static final String ENUM_LOST = "values the new list lacks are rejected in strict mode (Data truncated) "
            + "and stored as '' without it, so the older release's writes of them fail";

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

    /** Storage bytes of the integer types. */
    private static final Map<String, Integer> INTEGER_BYTES = Map.of(
            "tinyint", 1, "smallint", 2, "mediumint", 3, "integer", 4, "bigint", 8);

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
            return numbers(a, from, b, to, dialect);
        }
        if (fa != fb) {
            return Compatibility.INCOMPATIBLE;
        }
        return switch (fa) {
            case STRING, BINARY -> strings(a, from, b, to);
            case TIME -> a.equals(b) ? byOrder(precision(a, from, dialect), precision(b, to, dialect))
                    // timestamp(6) -> timestamptz(0) rounds whatever else the change does
                    : precision(b, to, dialect) < precision(a, from, dialect) ? Compatibility.NARROWING
                    : Compatibility.INCOMPATIBLE;
            case INLINE_ENUM -> a.equals(b) ? enums(from.enumValues(), to.enumValues()) : Compatibility.INCOMPATIBLE;
            default -> a.equals(b) && from.args().equals(to.args()) ? Compatibility.SAME : Compatibility.INCOMPATIBLE;
        };
    }

    /**
     * Converting the stored values can fail or lose information: every narrowing, and the
     * conversions between kinds of types that not every value survives (text to integer, timestamp
     * to date, an enum losing values, MySQL DATETIME to TIMESTAMP). Conversions that keep every value
     * (anything to a text that holds it, date or time to timestamp, timestamp to timestamptz, json to
     * jsonb) do not, whatever they do to the older release.
     */
    public static boolean mayFailOrLoseData(SqlType from, SqlType to, Dialect dialect) {
        return !judge(from, to, dialect).keepsValues();
    }

    /**
     * What the release written for the old type sees once the column has the new type, and whether
     * the stored values survive: from the size rules and the dialect's cast table.
     */
    public static Judgement judge(SqlType from, SqlType to, Dialect dialect) {
        Compatibility c = classify(from, to, dialect);
        if (c == Compatibility.UNKNOWN || c == Compatibility.SAME) {
            return Judgement.NOTHING;
        }
        String a = canonical(from, dialect);
        String b = canonical(to, dialect);
        Cast cast = from.array() == to.array()
                ? casts(dialect).lookup(a, family(a).token, b, family(b).token) : null;
        boolean keeps = c != Compatibility.NARROWING && (cast != null && cast.keepsValues() != null
                ? cast.keepsValues() : c == Compatibility.WIDENING || keepsEveryValue(from, to, dialect));
        // the cast tables' reasons name types as PostgreSQL's errors do: no length, precision or list
        String fromName = from.base() + (from.array() ? "[]" : "");
        String toName = to.base() + (to.array() ? "[]" : "");
        if (!keeps) {
            String reason = cast != null && cast.olderRelease() == Effect.BREAKS ? cast.reason(fromName, toName)
                    : c == Compatibility.NARROWING ? NARROWER
                    : family(a) == Family.INLINE_ENUM && family(b) == Family.INLINE_ENUM ? ENUM_LOST : NOT_EVERY_VALUE;
            return new Judgement(Effect.BREAKS, false, reason);
        }
        if (cast != null) {
            return cast.olderRelease() == Effect.NONE ? Judgement.NOTHING
                    : new Judgement(cast.olderRelease(), true, cast.reason(fromName, toName));
        }
        if (c == Compatibility.WIDENING) {
            return takesFractions(a, b, to, dialect) ? new Judgement(Effect.SHIFT, true, FRACTIONS) : Judgement.NOTHING;
        }
        if (family(a) == Family.INLINE_ENUM && family(b) == Family.INLINE_ENUM) {
            return new Judgement(Effect.SHIFT, true, ENUM_ORDER); // the same values in another order
        }
        return new Judgement(Effect.BREAKS, true, String.format(ANOTHER_TYPE, from));
    }

    public static boolean known(SqlType type) {
        return type != null && type.base() != null && !Column.UNKNOWN_TYPE.base().equals(type.base());
    }

    private static TypeCasts casts(Dialect dialect) {
        return dialect.server().typeCasts();
    }

    /** The size rules' view of a conversion between kinds: every old value is kept as text or in a reordered list. */
    private static boolean keepsEveryValue(SqlType from, SqlType to, Dialect dialect) {
        String a = canonical(from, dialect);
        String b = canonical(to, dialect);
        if (family(b) == Family.STRING && !to.array()) {
            long room = capacity(b, to);
            if (room >= UNBOUNDED) {
                return true;
            }
            return switch (family(a)) {
                case STRING -> room >= capacity(a, from); // varchar(n) -> char(m >= n): padded, not cut
                case INLINE_ENUM -> from.enumValues().stream().allMatch(v -> v.length() <= room);
                case INTEGER -> room >= integerTextLength(a);
                case EXACT -> {
                    Integer p = exactPrecision(from, dialect);
                    yield p != null && room >= p + 1 + (scale(from) > 0 ? 1 : 0); // sign, decimal point
                }
                default -> a.equals("uuid") && room >= 36;
            };
        }
        if (family(a) == Family.INLINE_ENUM && family(b) == Family.INLINE_ENUM) {
            return to.enumValues().containsAll(from.enumValues()); // reordered, nothing removed
        }
        return false;
    }

    /** An integer column becomes one that also holds fractions, which the older release reads as integers. */
    private static boolean takesFractions(String a, String b, SqlType to, Dialect dialect) {
        if (family(a) != Family.INTEGER) {
            return false;
        }
        return family(b) == Family.FLOAT || family(b) == Family.EXACT
                && (exactPrecision(to, dialect) == null || scale(to) > 0);
    }

    // ---- families -------------------------------------------------------------------------------

    private static String canonical(SqlType type, Dialect dialect) {
        String base = type.base().trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (base.equals("float")) {
            // float(p) is real up to 24 bits, else double; a bare FLOAT is the dialect's (MySQL single, PostgreSQL double)
            Integer p = dialect.syntax().floatLengthIsPrecision() ? type.length() : null;
            return (p != null ? p : dialect.syntax().bareFloatPrecision()) <= 24 ? "real" : "double";
        }
        boolean unsigned = base.endsWith(" unsigned");
        if (unsigned) {
            base = base.substring(0, base.length() - " unsigned".length());
        }
        String name = casts(dialect).canonical(ALIASES.getOrDefault(base, base));
        return unsigned && INTEGER_BYTES.containsKey(name) ? name + " unsigned" : unsigned ? base + " unsigned" : name;
    }

    private static Family family(String base) {
        if (INTEGER_BYTES.containsKey(integerName(base))) {
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

    private static Compatibility numbers(String a, SqlType from, String b, SqlType to, Dialect dialect) {
        if (a.equals(b) && (family(a) != Family.EXACT
                || java.util.Objects.equals(exactPrecision(from, dialect), exactPrecision(to, dialect))
                && scale(from) == scale(to))) {
            return Compatibility.SAME;
        }
        return holdsAll(a, from, b, to, dialect) ? Compatibility.WIDENING : Compatibility.NARROWING;
    }

    /** Every value of the old number type is exactly representable in the new one. */
    private static boolean holdsAll(String a, SqlType from, String b, SqlType to, Dialect dialect) {
        Family fa = family(a);
        Family fb = family(b);
        if (fa == Family.INTEGER && fb == Family.INTEGER) {
            int bytesA = INTEGER_BYTES.get(integerName(a));
            int bytesB = INTEGER_BYTES.get(integerName(b));
            if (isUnsigned(a)) {
                return isUnsigned(b) ? bytesB >= bytesA : bytesB > bytesA;
            }
            return !isUnsigned(b) && bytesB >= bytesA; // an unsigned type holds no negative value
        }
        if (fa == Family.INTEGER && fb == Family.EXACT) {
            Integer p = exactPrecision(to, dialect);
            return p == null || p - scale(to) >= integerDigits(a);
        }
        if (fa == Family.INTEGER && fb == Family.FLOAT) {
            return magnitudeBits(a) <= (b.equals("real") ? 24 : 53); // the mantissa
        }
        if (fa == Family.EXACT && fb == Family.EXACT) {
            Integer p2 = exactPrecision(to, dialect);
            if (p2 == null) {
                return true;
            }
            Integer p = exactPrecision(from, dialect);
            if (p == null) {
                return false;
            }
            int s = scale(from);
            int s2 = scale(to);
            return p2 >= p && s2 >= s && p2 - s2 >= p - s;
        }
        if (fa == Family.EXACT && fb == Family.INTEGER) {
            // numeric(p, 0) fits an integer type that holds every p-digit number
            Integer p = exactPrecision(from, dialect);
            return p != null && scale(from) == 0 && !isUnsigned(b) && p < integerDigits(b);
        }
        if (fa == Family.FLOAT && fb == Family.FLOAT) {
            return b.equals("double") || a.equals("real");
        }
        return false;
    }

    /** The precision of an exact number type, the dialect's for a bare DECIMAL; null for "any". */
    private static Integer exactPrecision(SqlType numeric, Dialect dialect) {
        return numeric.length() != null ? numeric.length() : casts(dialect).bareDecimalPrecision();
    }

    private static String integerName(String base) {
        return isUnsigned(base) ? base.substring(0, base.length() - " unsigned".length()) : base;
    }

    private static boolean isUnsigned(String base) {
        return base.endsWith(" unsigned");
    }

    /** Bits of the largest magnitude an integer type holds: 31 for integer, 32 for integer unsigned. */
    private static int magnitudeBits(String base) {
        return INTEGER_BYTES.get(integerName(base)) * 8 - (isUnsigned(base) ? 0 : 1);
    }

    /** Decimal digits of the largest value: 10 for integer, 20 for bigint unsigned. */
    private static int integerDigits(String base) {
        return BigInteger.ONE.shiftLeft(magnitudeBits(base)).subtract(BigInteger.ONE).toString().length();
    }

    /** Characters of the longest value as text, with its sign. */
    private static int integerTextLength(String base) {
        return integerDigits(base) + (isUnsigned(base) ? 0 : 1);
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
