package dev.migsafe.schema;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import dev.migsafe.change.ConstraintDef;
import dev.migsafe.dialect.Syntax;

/**
 * Names the database gives to constraints and indexes created without one, so that a later
 * {@code DROP CONSTRAINT users_email_key} or {@code DROP INDEX users_email_idx} finds them.
 * <ul>
 *   <li>PostgreSQL ({@code ChooseRelationName} / {@code ChooseConstraintName} and {@code makeObjectName}):
 *       {@code table_columns_label} with the label {@code pkey}, {@code key}, {@code fkey}, {@code check},
 *       {@code excl} or {@code idx}; when taken, a number is added to the label ({@code key1}); when too
 *       long for 63 bytes, the table and column parts are cut (the longer one first), never the label.</li>
 *   <li>MySQL: an index or unique key is named after its first column ({@code jti}, then {@code jti_2},
 *       {@code jti_3}...); a foreign key {@code table_ibfk_N}. Other constraints keep PostgreSQL's
 *       pattern, which is only compared with itself.</li>
 * </ul>
 */
final class DefaultNames {

    private DefaultNames() {
    }

    static String constraint(Syntax syntax, String table, ConstraintDef c, Predicate<String> taken) {
        if (syntax.keysNamedAfterFirstColumn()) {
            if (c.kind() == ConstraintDef.Kind.UNIQUE && !c.columns().isEmpty()) {
                return afterFirstColumn(c.columns(), taken);
            }
            if (c.kind() == ConstraintDef.Kind.FOREIGN_KEY) {
                return numbered(table + "_ibfk_", taken);
            }
        }
        String cols = c.columns().isEmpty() ? null : String.join("_", c.columns());
        return switch (c.kind()) {
            case PRIMARY_KEY -> choose(syntax, table, null, "pkey", taken);
            case UNIQUE -> choose(syntax, table, cols, "key", taken);
            case FOREIGN_KEY -> choose(syntax, table, cols, "fkey", taken);
            case CHECK -> choose(syntax, table, c.columns().isEmpty() ? null : c.columns().get(0), "check", taken);
            case EXCLUDE -> choose(syntax, table, cols, "excl", taken);
        };
    }

    static String index(Syntax syntax, String table, List<String> columns, Predicate<String> taken) {
        if (syntax.keysNamedAfterFirstColumn() && !columns.isEmpty()) {
            return afterFirstColumn(columns, taken);
        }
        String cols = columns.stream().map(DefaultNames::indexColumnName).reduce((a, b) -> a + "_" + b).orElse(null);
        return choose(syntax, table, cols, "idx", taken);
    }

    /**
     * PostgreSQL's ChooseIndexColumnNames: a column gives its name; an expression (always written with
     * parentheses in an index) the name of its function, {@code lower} for {@code lower(email)}, or
     * {@code expr} for any other expression ({@code (a + b)}).
     */
    private static String indexColumnName(String column) {
        if (column.indexOf('(') < 0) {
            return column;
        }
        String e = column.trim();
        while (e.startsWith("(") && e.endsWith(")")) {
            e = e.substring(1, e.length() - 1).trim();
        }
        java.util.regex.Matcher call = java.util.regex.Pattern
                .compile("^(?:[\\p{L}_][\\p{L}\\p{N}_$]*\\.)*([\\p{L}_][\\p{L}\\p{N}_$]*)\\s*\\(").matcher(e);
        return call.find() && closes(e, call.end() - 1) ? call.group(1).toLowerCase(Locale.ROOT) : "expr";
    }

    /** The parenthesis opened at {@code open} closes at the end of {@code text}: one call, not an operation on it. */
    private static boolean closes(String text, int open) {
        int depth = 0;
        char quote = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i == text.length() - 1;
            }
        }
        return false;
    }

    /** PostgreSQL's ChooseRelationName: {@code makeObjectName(name1, name2, label)}, label, label1, label2... */
    private static String choose(Syntax syntax, String name1, String name2, String label, Predicate<String> taken) {
        String name = makeObjectName(syntax, name1, name2, label);
        for (int i = 1; taken.test(name); i++) {
            name = makeObjectName(syntax, name1, name2, label + i);
        }
        return name;
    }

    /**
     * PostgreSQL's makeObjectName: {@code name1_name2_label}, the two names cut (the longer one first,
     * {@code name2} when equal) until the whole fits the identifier limit, at character boundaries.
     */
    private static String makeObjectName(Syntax syntax, String name1, String name2, String label) {
        if (!syntax.truncatesLongIdentifiers()) {
            return name1 + (name2 == null ? "" : "_" + name2) + "_" + label;
        }
        int max = syntax.maxIdentifierLength();
        if (name2 != null) {
            name2 = syntax.clipIdentifier(name2, max); // ChooseIndexNameAddition stops at NAMEDATALEN
        }
        int overhead = syntax.identifierLength(label) + 1 + (name2 == null ? 0 : 1);
        int name1Chars = syntax.identifierLength(name1);
        int name2Chars = name2 == null ? 0 : syntax.identifierLength(name2);
        int available = max - overhead;
        while (name1Chars + name2Chars > available) {
            if (name1Chars > name2Chars) {
                name1Chars--;
            } else {
                name2Chars--;
            }
        }
        String first = syntax.clipIdentifier(name1, name1Chars);
        return first + (name2 == null ? "" : "_" + syntax.clipIdentifier(name2, name2Chars)) + "_" + label;
    }

    /**
     * MySQL's make_unique_key_name: the first column's name, or {@code name_2} ... when an index of the
     * table (or {@code PRIMARY}) has it; a functional key part gives {@code functional_index}.
     */
    private static String afterFirstColumn(List<String> columns, Predicate<String> taken) {
        String first = columns.get(0).trim();
        // a prefix key part "name(10)" is named after its column
        String base = first.matches("[^()\\s]+\\s*\\(\\s*\\d+\\s*\\)") ? first.substring(0, first.indexOf('(')).trim()
                : first.matches("[^()\\s]+") ? first : "functional_index";
        Predicate<String> used = n -> taken.test(n) || "primary".equals(n.toLowerCase(Locale.ROOT));
        if (!used.test(base)) {
            return base;
        }
        String name = base + "_2";
        for (int i = 3; used.test(name); i++) {
            name = base + "_" + i;
        }
        return name;
    }

    /** {@code prefix1}, or the first number after the prefix that no constraint of the table has. */
    private static String numbered(String prefix, Predicate<String> taken) {
        int i = 1;
        while (taken.test(prefix + i)) {
            i++;
        }
        return prefix + i;
    }
}
