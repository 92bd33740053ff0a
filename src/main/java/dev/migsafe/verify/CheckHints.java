package dev.migsafe.verify;

import java.math.BigDecimal;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migsafe.verify.SchemaSnapshot.CheckShape;
import dev.migsafe.verify.SchemaSnapshot.ColumnShape;
import dev.migsafe.verify.SchemaSnapshot.TableShape;

/**
 * Values a table's CHECK constraints probably accept, read from their text, for seeding and the
 * contract check to try when the values made from the type alone are refused: the quoted literals
 * of {@code status IN ('new', 'paid')} for text columns, the numbers around each bound of
 * {@code rating BETWEEN 1 AND 5} or {@code length(code) = 3}, and dates in the order a check
 * compares them ({@code ends_on > starts_on}). A guess, not a solver: what it cannot satisfy
 * stays reported as a table it could not seed.
 */
final class CheckHints {

    private static final Pattern LITERAL = Pattern.compile("'((?:[^']|'')*)'");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.])-?\\d+(?:\\.\\d+)?(?![\\w.])");
    private static final LocalDate BASE_DAY = LocalDate.of(2024, 1, 1);

    /** A text of this length, different per row. */
    private record Length(int length) {
        String text(int row) {
            String digits = Integer.toString(row, 36);
            return digits.length() >= length ? digits.substring(0, length) : "x".repeat(length - digits.length()) + digits;
        }
    }

    /** Value sets tried per row after the type's own. */
    private static final int GUESSES = 6;

    private final Map<String, List<Object>> candidates;

    private CheckHints(Map<String, List<Object>> candidates) {
        this.candidates = candidates;
    }

    static CheckHints of(TableShape table) {
        Map<String, Set<Object>> found = new HashMap<>();
        for (CheckShape check : table.checks()) {
            String text = check.expression();
            List<ColumnShape> mentioned = table.columns().stream().filter(c -> mentions(text, c.name())).toList();
            List<ColumnShape> dated = mentioned.stream().filter(CheckHints::isDate).toList();
            for (ColumnShape column : mentioned) {
                Set<Object> values = found.computeIfAbsent(column.name(), k -> new LinkedHashSet<>());
                if (isDate(column)) {
                    // compared dates: first mentioned earliest, then the other way round
                    int at = dated.indexOf(column);
                    values.add(day(column, at));
                    values.add(day(column, dated.size() - 1 - at));
                } else if (isNumber(column)) {
                    numbers(text).forEach(n -> {
                        values.add(n);
                        values.add(n.add(BigDecimal.ONE));
                        values.add(n.subtract(BigDecimal.ONE));
                    });
                } else if (isText(column)) {
                    List<String> literals = literals(text);
                    values.addAll(literals);
                    if (literals.isEmpty()) { // length(code) = 3, char_length(name) >= 2
                        numbers(text).stream().filter(n -> n.signum() > 0 && n.intValue() <= 64)
                                .forEach(n -> values.add(new Length(n.intValue())));
                    }
                }
            }
        }
        Map<String, List<Object>> lists = new HashMap<>();
        found.forEach((column, values) -> {
            if (!values.isEmpty()) {
                lists.put(column, List.copyOf(values));
            }
        });
        return new CheckHints(lists);
    }

    /** How many value sets to try for a row: the type's own, then, when there are guesses, each guess. */
    int attempts() {
        return candidates.isEmpty() ? 1 : 1 + GUESSES;
    }

    /**
     * The value of a column for a row at an attempt: made from its type at attempt 0 and for columns
     * without guesses; else the next guess, so that each attempt tries another.
     */
    Object value(ColumnShape column, int row, int attempt) {
        List<Object> values = candidates.get(column.name());
        if (attempt == 0 || values == null) {
            return ValueGenerator.value(column, row);
        }
        Object value = values.get((row + attempt - 1) % values.size());
        if (value instanceof Length l) {
            return l.text(row);
        }
        return value instanceof BigDecimal n && n.scale() <= 0 ? (Object) n.longValue() : value;
    }

    private static boolean mentions(String text, String column) {
        return Pattern.compile("(?<![\\w$])[\"`]?" + Pattern.quote(column) + "[\"`]?(?![\\w$])", Pattern.CASE_INSENSITIVE)
                .matcher(text).find();
    }

    private static List<String> literals(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = LITERAL.matcher(text);
        while (m.find()) {
            out.add(m.group(1).replace("''", "'"));
        }
        return out;
    }

    /** The numbers of the check outside its quoted literals. */
    private static List<BigDecimal> numbers(String text) {
        List<BigDecimal> out = new ArrayList<>();
        Matcher m = NUMBER.matcher(LITERAL.matcher(text).replaceAll("''"));
        while (m.find()) {
            out.add(new BigDecimal(m.group()));
        }
        return out;
    }

    private static Object day(ColumnShape column, int offset) {
        LocalDate day = BASE_DAY.plusDays(offset);
        return column.jdbcType() == Types.DATE ? day.toString() : day + " 00:00:00";
    }

    private static boolean isDate(ColumnShape c) {
        return c.jdbcType() == Types.DATE || c.jdbcType() == Types.TIMESTAMP || c.jdbcType() == Types.TIMESTAMP_WITH_TIMEZONE;
    }

    private static boolean isNumber(ColumnShape c) {
        return switch (c.jdbcType()) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.DECIMAL, Types.NUMERIC, Types.REAL,
                    Types.FLOAT, Types.DOUBLE -> true;
            default -> false;
        };
    }

    private static boolean isText(ColumnShape c) {
        return switch (c.jdbcType()) {
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR,
                    Types.CLOB -> true;
            default -> false;
        };
    }
}
