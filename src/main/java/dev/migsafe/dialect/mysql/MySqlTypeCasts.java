package dev.migsafe.dialect.mysql;

import java.util.List;

import dev.migsafe.dialect.TypeCasts;

/**
 * MySQL's cast table for column type changes (rules/BC105.md shows it). MySQL converts a value of any
 * type into a column of any type on assignment; what matters is whether the value converts:
 * strict mode (STRICT_TRANS_TABLES, the default since 5.7 and in MariaDB since 10.2.4) rejects a
 * value that does not ("Incorrect integer value", "Incorrect datetime value", "Data truncated");
 * without it the value is stored cut, zeroed or emptied with a warning, which is a silent change and
 * judged the same. Connector/J sends the older release's parameters as literals (client-side
 * prepared statements, the default): numbers unquoted, strings, dates and times quoted.
 */
public final class MySqlTypeCasts {

    private static final List<String> NUMBERS = List.of("*integer", "*exact", "*float");

    public static final TypeCasts TABLE = TypeCasts.builder()
            .alias("boolean", "tinyint") // BOOLEAN is TINYINT(1)
            .bareDecimalPrecision(10)    // DECIMAL is DECIMAL(10,0)
            // padding: CHAR strips trailing spaces on read, BINARY pads with 0x00
            .none("char", "char", "CHAR values read back without trailing spaces, whatever the length")
            .shift("*string", "char", null, "CHAR strips trailing spaces on read: values the older release "
                    + "writes with trailing spaces read back without them")
            .shift("binary", "binary", null, "BINARY values read back padded with 0x00 bytes to the new length")
            .shift("*binary", "binary", null, "BINARY pads values with 0x00 bytes: values read back padded to the "
                    + "column length")
            // numbers and strings
            .shift(NUMBERS, "*string", null, "MySQL turns the numbers the older release writes into strings, and "
                    + "compares a string column with a number as floating point: its queries keep working, but "
                    + "such comparisons cannot use an index, and '1.0' or '1abc' equal 1")
            .breaks("*string", NUMBERS.get(0), null, "strings that are not numbers are rejected in strict mode "
                    + "(Incorrect integer value) and stored as 0 or cut without it")
            .breaks("*string", NUMBERS.get(1), null, "strings that are not numbers are rejected in strict mode "
                    + "(Incorrect decimal value) and stored as 0 or cut without it")
            .breaks("*string", NUMBERS.get(2), null, "strings that are not numbers are rejected in strict mode "
                    + "and stored as 0 or cut without it")
            .breaks("*string", List.of("*temporal", "date"), null, "strings that are not valid {to} values are "
                    + "rejected in strict mode (Incorrect {to} value) and stored as zero dates without it")
            .breaks("*string", "*enum", null, "strings outside the list are rejected in strict mode (Data truncated) "
                    + "and stored as '' without it")
            .breaks("*string", "json", null, "strings that are not JSON documents are rejected (Invalid JSON text)")
            .shift("json", "*string", null, "values read back as the JSON text MySQL stored, and comparisons on "
                    + "the column become string comparisons")
            .shift("*enum", "*string", null, "values sort and compare as strings instead of by list position, and "
                    + "values outside the list are no longer rejected")
            // time zones and TIMESTAMP's range
            .breaks("datetime", "timestamp", false, "TIMESTAMP holds only 1970-01-01 00:00:01 to 2038-01-19 "
                    + "03:14:07 UTC: other values are rejected in strict mode (zero dates without it), and values "
                    + "are now converted between the session time_zone and UTC")
            .shift("timestamp", "datetime", true, "values are no longer converted between the session time_zone "
                    + "and UTC: the older release reads back what it wrote in its own time zone, and the existing "
                    + "values were fixed in the time zone of the migration's session")
            .shift("date", "datetime", true, "the older release's dates are stored as midnight and read back as "
                    + "dates, but times of day the newer release writes are cut when it reads them as dates")
            .breaks("date", "timestamp", false, "TIMESTAMP holds only 1970-01-01 to 2038-01-19: other dates are "
                    + "rejected in strict mode (zero dates without it)")
            .shift("time", List.of("datetime", "timestamp"), true, "MySQL converts the existing times with the "
                    + "current date; the older release's writes fail in strict mode if it sends times of day "
                    + "(Incorrect {to} value: '12:34:56'; zero dates without strict mode), and keep working if it "
                    + "sends full timestamps, which the TIME column cut to their time of day (the usual reason for "
                    + "this change). Check what the older release writes to the column")
            .build();

    private MySqlTypeCasts() {
    }
}
