package dev.migsafe.dialect;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A dialect's cast table: what a column type change does to the release written for the old type,
 * for the conversions between different kinds of types (and the few same-kind ones with a dialect's
 * own semantics) that the size rules do not settle. Size rules (a longer varchar, a wider integer,
 * more numeric precision, enum values appended) are the same everywhere and are applied by
 * {@code dev.migsafe.schema.TypeCompatibility}; this table says where a dialect differs.
 *
 * <p>A row is keyed by the old and the new type, each either a canonical type name ({@code integer},
 * {@code varchar}, {@code timestamptz}, {@code datetime}) or a family written with a star:
 * {@code *integer}, {@code *exact}, {@code *float}, {@code *string}, {@code *binary}, {@code *temporal}
 * (timestamp, time and their zoned and MySQL forms, not date), {@code *enum} (MySQL ENUM/SET),
 * {@code *other}. The most specific row wins: name to name, name to family, family to name, family
 * to family. A family-to-family row never joins a family to itself (a test holds the tables to it),
 * so it cannot override a size rule.
 *
 * <p>Plain data: the dialect package knows nothing of parsed types. A reason may name the types
 * with {@code {from}} and {@code {to}}.
 */
public final class TypeCasts {

    /** What the older release sees once the column has the new type. */
    public enum Effect {
        /** its reads and writes work as before (a pure widening) */
        NONE,
        /** its reads and writes work, with another behaviour (time zone, padding, sorting, fractions): a warning */
        SHIFT,
        /** some of its reads or writes fail, or values change silently: an error */
        BREAKS
    }

    /**
     * @param olderRelease what the older release sees
     * @param keepsValues  every stored value survives the conversion; null when the size rules decide
     * @param reason       why, for the finding's message
     */
    public record Cast(Effect olderRelease, Boolean keepsValues, String reason) {
        public Cast {
            Objects.requireNonNull(olderRelease);
            Objects.requireNonNull(reason);
        }

        /** The reason with the types put in. */
        public String reason(String from, String to) {
            return reason.replace("{from}", from).replace("{to}", to);
        }
    }

    /** One row as documented: old type or family, new type or family, cast. */
    public record Row(String from, String to, Cast cast) {
    }

    private final Map<String, Cast> rows;
    private final Map<String, String> aliases;
    private final Integer bareDecimalPrecision;

    private TypeCasts(Map<String, Cast> rows, Map<String, String> aliases, Integer bareDecimalPrecision) {
        this.rows = rows;
        this.aliases = aliases;
        this.bareDecimalPrecision = bareDecimalPrecision;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The row for a change from one type to another, or null when the size rules decide alone.
     *
     * @param from       canonical name of the old type
     * @param fromFamily its family, without the star
     */
    public Cast lookup(String from, String fromFamily, String to, String toFamily) {
        for (String key : List.of(key(from, to), key(from, "*" + toFamily), key("*" + fromFamily, to),
                key("*" + fromFamily, "*" + toFamily))) {
            Cast c = rows.get(key);
            if (c != null) {
                return c;
            }
        }
        return null;
    }

    /** The dialect's own type names for a canonical one (MySQL's BOOLEAN is TINYINT(1)), else the name itself. */
    public String canonical(String name) {
        return aliases.getOrDefault(name, name);
    }

    /**
     * The precision of a DECIMAL/NUMERIC written without one: MySQL's is 10 (scale 0); null when such a
     * column holds any number (PostgreSQL's unconstrained numeric).
     */
    public Integer bareDecimalPrecision() {
        return bareDecimalPrecision;
    }

    /** Every row in the order written, for the documentation and its test. */
    public List<Row> rows() {
        List<Row> out = new ArrayList<>();
        rows.forEach((k, v) -> {
            int at = k.indexOf('>');
            out.add(new Row(k.substring(0, at), k.substring(at + 1), v));
        });
        return out;
    }

    private static String key(String from, String to) {
        return from + ">" + to;
    }

    public static final class Builder {
        private final Map<String, Cast> rows = new LinkedHashMap<>();
        private final Map<String, String> aliases = new LinkedHashMap<>();
        private Integer bareDecimalPrecision;

        private Builder() {
        }

        /** The older release keeps working, with another behaviour. */
        public Builder shift(String from, String to, Boolean keepsValues, String reason) {
            return row(from, to, new Cast(Effect.SHIFT, keepsValues, reason));
        }

        /** The older release works as before: a row that keeps a more general one from applying. */
        public Builder none(String from, String to, String reason) {
            return row(from, to, new Cast(Effect.NONE, null, reason));
        }

        /** Some of the older release's reads or writes fail or change values. */
        public Builder breaks(String from, String to, Boolean keepsValues, String reason) {
            return row(from, to, new Cast(Effect.BREAKS, keepsValues, reason));
        }

        /** The same cast for several old types or families. */
        public Builder shift(List<String> froms, String to, Boolean keepsValues, String reason) {
            froms.forEach(f -> shift(f, to, keepsValues, reason));
            return this;
        }

        public Builder breaks(List<String> froms, String to, Boolean keepsValues, String reason) {
            froms.forEach(f -> breaks(f, to, keepsValues, reason));
            return this;
        }

        public Builder shift(String from, List<String> tos, Boolean keepsValues, String reason) {
            tos.forEach(t -> shift(from, t, keepsValues, reason));
            return this;
        }

        public Builder breaks(String from, List<String> tos, Boolean keepsValues, String reason) {
            tos.forEach(t -> breaks(from, t, keepsValues, reason));
            return this;
        }

        public Builder alias(String name, String canonical) {
            aliases.put(name, canonical);
            return this;
        }

        public Builder bareDecimalPrecision(int precision) {
            bareDecimalPrecision = precision;
            return this;
        }

        private Builder row(String from, String to, Cast cast) {
            if (rows.put(key(from, to), cast) != null) {
                throw new IllegalStateException("two rows for " + from + " -> " + to);
            }
            return this;
        }

        public TypeCasts build() {
            return new TypeCasts(Collections.unmodifiableMap(new LinkedHashMap<>(rows)), Map.copyOf(aliases),
                    bareDecimalPrecision);
        }
    }
}
