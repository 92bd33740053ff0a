package dev.migsafe.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.migsafe.change.SqlType;
import dev.migsafe.dialect.Dialect;

/**
 * Builds a {@link SqlType} from a type as written, mapping each dialect's aliases to one canonical
 * name so that {@code int4} equals {@code integer} and {@code character varying(20)} equals
 * {@code varchar(20)}. Unknown names (user types, domains, enums) become their normalised name.
 */
public final class TypeNames {

    /** Aliases shared by both dialects (after lower-casing and joining words with one space). */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("int", "integer"), Map.entry("int4", "integer"), Map.entry("integer", "integer"),
            Map.entry("int8", "bigint"), Map.entry("bigint", "bigint"),
            Map.entry("int2", "smallint"), Map.entry("smallint", "smallint"),
            Map.entry("serial", "integer"), Map.entry("serial4", "integer"),
            Map.entry("bigserial", "bigint"), Map.entry("serial8", "bigint"),
            Map.entry("smallserial", "smallint"), Map.entry("serial2", "smallint"),
            Map.entry("varchar", "varchar"), Map.entry("character varying", "varchar"),
            Map.entry("char varying", "varchar"), Map.entry("nvarchar", "varchar"),
            Map.entry("national character varying", "varchar"), Map.entry("national varchar", "varchar"),
            Map.entry("char", "char"), Map.entry("character", "char"), Map.entry("bpchar", "char"),
            Map.entry("nchar", "char"), Map.entry("national char", "char"), Map.entry("national character", "char"),
            Map.entry("numeric", "numeric"), Map.entry("decimal", "numeric"), Map.entry("dec", "numeric"),
            Map.entry("fixed", "numeric"),
            Map.entry("float4", "real"), Map.entry("real", "real"),
            Map.entry("float8", "double precision"), Map.entry("double precision", "double precision"),
            Map.entry("double", "double precision"),
            Map.entry("bool", "boolean"), Map.entry("boolean", "boolean"),
            Map.entry("timestamp", "timestamp"), Map.entry("timestamp without time zone", "timestamp"),
            Map.entry("timestamptz", "timestamptz"), Map.entry("timestamp with time zone", "timestamptz"),
            Map.entry("time", "time"), Map.entry("time without time zone", "time"),
            Map.entry("timetz", "timetz"), Map.entry("time with time zone", "timetz"),
            Map.entry("bit varying", "varbit"), Map.entry("varbit", "varbit"));

    private static final List<String> SERIALS =
            List.of("serial", "serial4", "bigserial", "serial8", "smallserial", "serial2");

    private static final List<String> INTEGER_TYPES =
            List.of("integer", "bigint", "smallint", "tinyint", "mediumint");

    /** Built-in names besides the aliases, to tell a type from an argument name. */
    private static final java.util.Set<String> OTHER_BUILT_INS = java.util.Set.of(
            "text", "uuid", "json", "jsonb", "bytea", "date", "interval", "money", "inet", "cidr", "macaddr", "xml",
            "tsvector", "tsquery", "oid", "regclass", "record", "trigger", "void", "anyelement", "anyarray", "bit",
            "point", "name", "citext", "hstore", "datetime", "year", "blob", "longtext", "mediumtext", "tinytext",
            "tinyint", "mediumint", "binary", "varbinary", "enum", "set", "geometry", "cstring", "internal");

    private TypeNames() {
    }

    /** True when the text is a built-in type (not a user type, not "name type"). */
    public static boolean isBuiltIn(String typeText) {
        String base = parse(typeText, Dialect.POSTGRESQL).base().replace(" unsigned", "");
        return ALIASES.containsValue(base) || OTHER_BUILT_INS.contains(base);
    }

    /** True for PostgreSQL's serial pseudo-types, which make the column generated. */
    public static boolean isSerial(String typeText) {
        String first = typeText.trim().split("[\\s(]+")[0].toLowerCase();
        return SERIALS.contains(first);
    }

    /** Parses a type as written, e.g. {@code character varying(20)}, {@code int(11) unsigned}, {@code text[]}. */
    public static SqlType parse(String typeText, Dialect dialect) {
        List<Token> tokens = SqlLexer.significant(typeText, dialect);
        List<String> words = new ArrayList<>();
        List<Integer> args = new ArrayList<>();
        List<String> values = new ArrayList<>();
        String userName = null;
        boolean array = false;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.isSymbol('(')) {
                i = readArguments(tokens, i, args, values, dialect);
            } else if (t.isSymbol('[')) {
                array = true;
                while (i < tokens.size() && !tokens.get(i).isSymbol(']')) {
                    i++;
                }
            } else if (t.is("ARRAY")) {
                array = true;
            } else if (t.isName() && words.isEmpty() && i + 1 < tokens.size() && tokens.get(i + 1).isSymbol('.')) {
                // schema-qualified user type: keep the qualified name
                int j = i;
                StringBuilder raw = new StringBuilder();
                while (j < tokens.size() && (tokens.get(j).isName() || tokens.get(j).isSymbol('.'))) {
                    raw.append(tokens.get(j).text());
                    j++;
                }
                userName = Names.qualified(raw.toString(), dialect);
                if (userName.startsWith("pg_catalog.")) {
                    userName = null; // built-in type spelled with its schema
                    words.add(raw.substring(raw.lastIndexOf(".") + 1).toLowerCase());
                } else {
                    words.add(userName);
                }
                i = j - 1;
            } else if (t.type() == Token.Type.QUOTED_IDENTIFIER) {
                userName = Names.identifier(t.text(), dialect);
                words.add(userName);
            } else if (t.type() == Token.Type.WORD) {
                if (t.is("CHARACTER") && i + 1 < tokens.size() && tokens.get(i + 1).is("SET")
                        || t.is("CHARSET") || t.is("COLLATE")) {
                    break; // MySQL column charset/collation, not part of the type
                }
                words.add(t.text().toLowerCase());
            }
        }
        return build(words, args, values, array, userName, dialect, typeText.trim());
    }

    private static SqlType build(List<String> words, List<Integer> args, List<String> values, boolean array,
                                 String userName, Dialect dialect, String raw) {
        if (userName != null && words.size() == 1) {
            return new SqlType(userName, List.copyOf(args), List.of(), array, raw);
        }
        boolean unsigned = words.remove("unsigned");
        words.remove("signed");
        words.remove("zerofill");
        String name = String.join(" ", words);
        String base = ALIASES.get(name);
        List<Integer> typeArgs = args;
        List<String> enumValues = List.of();
        if (base == null) {
            base = name.startsWith("interval") ? "interval" : name;
        }
        if (name.equals("float")) {
            // float(p): p <= 24 is single precision; MySQL's bare FLOAT is single, PostgreSQL's double
            int precision = args.isEmpty() ? dialect.syntax().bareFloatPrecision() : args.get(0);
            base = precision <= 24 ? "real" : "double precision";
            typeArgs = List.of();
        } else if (dialect.syntax().realIsDouble() && name.equals("real")) {
            base = "double precision";
        }
        if (dialect.syntax().integerDisplayWidths() && INTEGER_TYPES.contains(base)) {
            typeArgs = List.of(); // display width means nothing to the stored values
        }
        if (base.equals("enum") || base.equals("set")) {
            enumValues = List.copyOf(values);
            typeArgs = List.of();
        }
        if (unsigned) {
            base = base + " unsigned";
        }
        if (base.isEmpty()) {
            base = raw.toLowerCase();
        }
        return new SqlType(base, List.copyOf(typeArgs), enumValues, array, raw);
    }

    /** Reads {@code (n, m)} or {@code ('a', 'b')} starting at the '(' and returns the index of ')'. */
    private static int readArguments(List<Token> tokens, int open, List<Integer> args, List<String> values,
                                     Dialect dialect) {
        int i = open + 1;
        int depth = 1;
        for (; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.isSymbol('(')) {
                depth++;
            } else if (t.isSymbol(')')) {
                if (--depth == 0) {
                    return i;
                }
            } else if (depth == 1 && t.type() == Token.Type.NUMBER && args.size() < 2 && isInteger(t.text())) {
                args.add(Integer.parseInt(t.text()));
            } else if (depth == 1 && t.type() == Token.Type.STRING) {
                values.add(t.stringValue(dialect));
            }
        }
        return i;
    }

    private static boolean isInteger(String s) {
        return !s.isEmpty() && s.length() < 10 && s.chars().allMatch(Character::isDigit);
    }
}
