package dev.migsafe.dialect.postgresql;

import java.util.List;

import dev.migsafe.dialect.TypeCasts;

/**
 * PostgreSQL's cast table for column type changes (rules/BC105.md shows it), from {@code pg_cast}
 * and how pgjdbc binds the older release's values:
 * <ul>
 *   <li>strings are bound as {@code character varying} ({@code stringtype=varchar}, the default), and
 *       the I/O casts from string types to other types are explicit only: an insert of a varchar
 *       parameter into a timestamp, integer, uuid, json or enum column fails ("column ... is of type X
 *       but expression is of type character varying");</li>
 *   <li>casts to text are assignment casts, not implicit ones: writes into a text column still work, but
 *       {@code WHERE col = ?} with the old typed parameter finds no operator ("operator does not exist:
 *       text = integer");</li>
 *   <li>numbers, dates and timestamps bound as numbers or untyped strings ({@code setTimestamp},
 *       {@code setDate} and {@code setTime} send their text untyped) convert where pg_cast has an
 *       implicit cast or the new type's input accepts the old text: timestamp and timestamptz both
 *       ways, date to timestamp, time to timetz; a time of day is no valid timestamp input
 *       ({@code '12:34:56'::timestamp} fails) and there is no time to timestamp cast, so time to
 *       timestamp breaks an application writing times of day, and not one that writes full timestamps
 *       into a time column (which a time column accepts, cut): a warning, as the schema cannot tell.</li>
 * </ul>
 */
public final class PostgresTypeCasts {

    private static final List<String> NON_STRING_FAMILIES =
            List.of("*integer", "*exact", "*float", "*temporal", "*binary", "*other");

    public static final TypeCasts TABLE = TypeCasts.builder()
            // padding: char(n) is blank-padded on read and ignores trailing blanks in comparisons
            .shift("char", "char", null, "char values read back blank-padded to the new length")
            .shift("char", "*string", null, "values read back without char's blank padding, and trailing blanks "
                    + "become significant in comparisons")
            .shift("*string", "char", null, "values read back blank-padded to the column length, and trailing "
                    + "blanks stop counting in comparisons")
            .shift("*string", "citext", true, "comparisons, unique constraints and indexes on it become "
                    + "case-insensitive")
            .shift("citext", "*string", null, "comparisons, unique constraints and indexes on it become "
                    + "case-sensitive again")
            // strings into another kind: no assignment cast from character varying
            .breaks("*string", NON_STRING_FAMILIES, null, "the older release binds its values as character "
                    + "varying, which PostgreSQL casts to {to} only explicitly: its inserts and updates fail "
                    + "(column is of type {to} but expression is of type character varying)")
            // other kinds into text: assignment casts only
            .breaks(List.of("*integer", "*exact", "*float", "*temporal", "*other"), "*string", null,
                    "PostgreSQL casts {from} to text on assignment only: the older release's writes still work, but "
                            + "its comparisons with {from} parameters fail (operator does not exist: text = {from})")
            // time zones
            .shift("timestamp", "timestamptz", true, "the older release's reads and writes keep working through "
                    + "PostgreSQL's casts, but values it writes without an offset are now taken in the session time "
                    + "zone (TimeZone), and the existing values were converted by the USING expression or, without "
                    + "one, in the migration session's time zone")
            .shift("timestamptz", "timestamp", true, "the older release's reads and writes keep working through "
                    + "PostgreSQL's casts, but offsets it writes are dropped after converting to the session time "
                    + "zone, and it reads local times without an offset")
            .shift("time", "timetz", true, "the older release's reads and writes keep working, but times it "
                    + "writes without an offset are now taken in the session time zone")
            .shift("timetz", "time", true, "the older release's reads and writes keep working, but offsets it "
                    + "writes are dropped")
            // dates and times of day into timestamps
            .shift("date", "timestamp", true, "the older release's dates are stored as midnight and read back as "
                    + "dates, but times of day the newer release writes are cut when it reads them as dates")
            .shift("date", "timestamptz", true, "the older release's dates are stored as midnight in the session "
                    + "time zone and read back as dates, but times of day the newer release writes are cut when it "
                    + "reads them as dates")
            // a column of type time that held timestamps cut to their time of day is the usual reason for
            // this change: whether the older release's writes fail depends on what it sends, not the schema
            .shift("time", List.of("timestamp", "timestamptz"), true, "PostgreSQL has no cast from time to {to}: "
                    + "the older release's writes fail if it sends times of day (a time parameter: column is of type "
                    + "{to} but expression is of type time; a string such as '12:34:56': invalid input syntax for "
                    + "type {to}), and keep working if it sends full timestamps, which the time column cut to their "
                    + "time of day (the usual reason for this change); its reads still work. Check what the older "
                    + "release writes to the column")
            // json
            .shift("json", "jsonb", true, "the older release's reads and writes keep working, but values read back "
                    + "normalised (keys reordered, whitespace and duplicate keys dropped), and json_* functions in "
                    + "its queries need their jsonb_* forms")
            .breaks("jsonb", "json", true, "json has no equality operator and none of jsonb's (@>, ?, ||, jsonb_* "
                    + "functions): the older release's queries that compare, group or search the column fail")
            .build();

    private PostgresTypeCasts() {
    }
}
