package dev.migsafe.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.migsafe.dialect.Dialect;

/**
 * The one place where object names are normalised, so that every stage compares names the same way:
 * <ul>
 *   <li>PostgreSQL: unquoted identifiers lower-cased, quoted ones kept as written (without quotes);
 *       the {@code public.} schema prefix removed, other schemas kept ({@code audit.log});</li>
 *   <li>MySQL: everything lower-cased (identifiers are case-insensitive for columns, and we treat
 *       tables the same way), the database prefix removed.</li>
 * </ul>
 */
public final class Names {

    private Names() {
    }

    /**
     * One identifier part as written (quoted or not), normalised: also cut to the length the server
     * keeps (PostgreSQL truncates quoted and unquoted names to 63 bytes; MySQL refuses a longer name,
     * so it is kept as written: the statement fails, and the model has nothing better to record).
     */
    public static String identifier(String raw, Dialect dialect) {
        String part = raw.trim();
        String name = isQuoted(part) && dialect.syntax().quotedIdentifiersKeepCase() ? unquote(part)
                : unquote(part).toLowerCase(Locale.ROOT);
        return dialect.syntax().storedIdentifier(name);
    }

    /** A possibly qualified name as written ({@code public."Users"}, {@code `db`.`t`}), normalised. */
    public static String qualified(String raw, Dialect dialect) {
        return qualified(splitParts(raw), dialect);
    }

    /** The parts of a qualified name as written, normalised and joined with dots. */
    public static String qualified(List<String> rawParts, Dialect dialect) {
        List<String> parts = new ArrayList<>();
        for (String p : rawParts) {
            parts.add(identifier(p, dialect));
        }
        if (parts.size() > 1) {
            if (dialect.syntax().isDefaultQualifier(parts.get(0))) {
                parts.remove(0);
            }
        }
        return String.join(".", parts);
    }

    /** The last part of a qualified name, normalised: a column of {@code t.col}, a table of {@code s.t}. */
    public static String last(String raw, Dialect dialect) {
        List<String> parts = splitParts(raw);
        return identifier(parts.get(parts.size() - 1), dialect);
    }

    public static boolean isQuoted(String part) {
        return part.length() >= 2 && (part.charAt(0) == '"' && part.endsWith("\"")
                || part.charAt(0) == '`' && part.endsWith("`")
                || part.charAt(0) == '[' && part.endsWith("]"));
    }

    /** Removes the quotes of a quoted identifier and resolves doubled quotes; other text unchanged. */
    public static String unquote(String part) {
        if (!isQuoted(part)) {
            return part;
        }
        char q = part.charAt(0);
        String body = part.substring(1, part.length() - 1);
        return q == '[' ? body : body.replace(String.valueOf(q) + q, String.valueOf(q));
    }

    /** Splits {@code a."b.c".d} at the dots outside quotes. */
    static List<String> splitParts(String raw) {
        List<String> parts = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (quote != 0) {
                cur.append(c);
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '`' || c == '[') {
                quote = c == '[' ? ']' : c;
                cur.append(c);
            } else if (c == '.') {
                parts.add(cur.toString().trim());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        parts.add(cur.toString().trim());
        return parts;
    }
}
