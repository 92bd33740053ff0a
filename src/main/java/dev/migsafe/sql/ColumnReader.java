package dev.migsafe.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.migsafe.change.ColumnDef;
import dev.migsafe.change.ConstraintDef;
import dev.migsafe.change.SqlType;
import dev.migsafe.dialect.Dialect;

/**
 * Reads a column definition ({@code name type [options]}) as written in CREATE TABLE, ADD COLUMN,
 * MySQL MODIFY/CHANGE. Inline PRIMARY KEY/UNIQUE/REFERENCES/CHECK come back as table-form
 * constraints on that column.
 */
final class ColumnReader {

    /** A column definition with the constraints written inline on it. */
    record ReadColumn(ColumnDef column, List<ConstraintDef> constraints) {
    }

    /** Words that end the type and start the column's options. */
    private static final Set<String> OPTION_WORDS = Set.of(
            "NOT", "NULL", "DEFAULT", "PRIMARY", "UNIQUE", "REFERENCES", "CHECK", "CONSTRAINT", "GENERATED",
            "AUTO_INCREMENT", "AUTOINCREMENT", "COLLATE", "COMMENT", "ON", "AS", "CHARSET", "STORED", "VIRTUAL",
            "VISIBLE", "INVISIBLE", "COLUMN_FORMAT", "STORAGE", "SRID", "IDENTITY", "KEY", "FIRST", "AFTER",
            "USING", "COMPRESSION", "ENCRYPTION", "DEFERRABLE", "INITIALLY", "ENGINE_ATTRIBUTE");

    /**
     * Functions whose value changes per row: a default calling them makes PostgreSQL rewrite the
     * table on ADD COLUMN. now()/CURRENT_TIMESTAMP are stable (evaluated once), so not listed.
     */
    private static final Set<String> VOLATILE_FUNCTIONS = Set.of(
            "random", "clock_timestamp", "timeofday", "gen_random_uuid", "uuid_generate_v1", "uuid_generate_v1mc",
            "uuid_generate_v4", "uuidv4", "uuidv7", "nextval", "setseed", "uuid", "uuid_short", "rand", "sysdate");

    private ColumnReader() {
    }

    static boolean atColumnOption(TokenCursor c) {
        Token t = c.peek();
        return t != null && t.type() == Token.Type.WORD && OPTION_WORDS.contains(t.upper())
                && !(t.is("CHARACTER") && c.peek(1) != null && !c.peek(1).is("SET"));
    }

    /** Reads {@code name type options...} up to the end of the cursor (MySQL FIRST/AFTER x ignored). */
    static ReadColumn read(TokenCursor c) {
        String name = c.identifier();
        int typeStart = c.position();
        while (!c.atEnd() && !atTypeEnd(c)) {
            if (c.atSymbol('(')) {
                c.skipGroup();
            } else {
                c.next();
            }
        }
        if (c.position() == typeStart) {
            throw new NotUnderstoodException("column " + name + " has no type");
        }
        String typeText = c.text(typeStart, c.position());
        SqlType type = TypeNames.parse(typeText, c.dialect());
        boolean serial = c.dialect() == Dialect.POSTGRESQL && TypeNames.isSerial(typeText);
        return readOptions(c, name, type, serial);
    }

    private static boolean atTypeEnd(TokenCursor c) {
        return atColumnOption(c) || c.at("CHARACTER", "SET");
    }

    private static ReadColumn readOptions(TokenCursor c, String name, SqlType type, boolean serial) {
        boolean notNull = false;
        String defaultExpr = null;
        boolean generated = serial;
        boolean volatileDefault = serial;
        List<ConstraintDef> constraints = new ArrayList<>();
        String constraintName = null;
        while (!c.atEnd()) {
            if (c.accept("CONSTRAINT")) {
                constraintName = c.identifier();
                continue;
            }
            if (c.accept("NOT", "NULL")) {
                notNull = true;
            } else if (c.accept("NULL")) {
                notNull = false;
            } else if (c.accept("DEFAULT")) {
                defaultExpr = readDefault(c);
                volatileDefault = defaultExpr != null && isVolatile(defaultExpr, c.dialect());
            } else if (c.accept("PRIMARY", "KEY") || c.at("KEY") && c.dialect() == Dialect.MYSQL && c.accept("KEY")) {
                notNull = true;
                constraints.add(new ConstraintDef(constraintName, ConstraintDef.Kind.PRIMARY_KEY, List.of(name),
                        null, List.of(), null, false, null));
            } else if (c.accept("UNIQUE")) {
                c.accept("KEY");
                constraints.add(new ConstraintDef(constraintName, ConstraintDef.Kind.UNIQUE, List.of(name),
                        null, List.of(), null, false, null));
            } else if (c.at("REFERENCES")) {
                constraints.add(ConstraintReader.references(c, constraintName, List.of(name)));
            } else if (c.at("CHECK")) {
                constraints.add(ConstraintReader.check(c, constraintName));
            } else if (c.accept("GENERATED")) {
                generated = true;
                skipGenerated(c);
            } else if (c.accept("AS")) {
                generated = true; // MySQL: col type AS (expr) [STORED|VIRTUAL]
                c.skipGroup();
            } else if (c.accept("AUTO_INCREMENT") || c.accept("AUTOINCREMENT") || c.accept("IDENTITY")) {
                generated = true;
                if (c.atSymbol('(')) {
                    c.skipGroup();
                }
            } else if (c.accept("ON", "UPDATE")) {
                c.textUntil(OPTION_WORDS); // MySQL: ON UPDATE CURRENT_TIMESTAMP
            } else if (c.accept("CHARACTER", "SET") || c.acceptAny("COLLATE", "CHARSET", "COMMENT", "COLUMN_FORMAT",
                    "STORAGE", "SRID", "COMPRESSION", "ENGINE_ATTRIBUTE") != null) {
                c.acceptSymbol('=');
                c.next();
            } else if (c.acceptAny("STORED", "VIRTUAL", "VISIBLE", "INVISIBLE") != null
                    || c.accept("NOT", "DEFERRABLE") || c.accept("DEFERRABLE")
                    || c.accept("INITIALLY", "DEFERRED") || c.accept("INITIALLY", "IMMEDIATE")) {
                // no effect on values the application must supply
            } else if (c.accept("FIRST")) {
                // MySQL column position
            } else if (c.accept("AFTER")) {
                c.identifier();
            } else {
                throw new NotUnderstoodException("unknown option for column " + name + " " + c.near());
            }
            constraintName = null;
        }
        ColumnDef column = new ColumnDef(name, type, notNull, defaultExpr, generated, volatileDefault);
        return new ReadColumn(column, constraints);
    }

    /** The expression after DEFAULT; null for DEFAULT NULL, which is the same as no default. */
    static String readDefault(TokenCursor c) {
        int start = c.position();
        boolean isNull = c.accept("NULL");
        c.textUntil(OPTION_WORDS);
        if (c.position() == start) {
            throw new NotUnderstoodException("DEFAULT without a value " + c.near());
        }
        String text = c.text(start, c.position());
        return isNull && !text.contains("(") ? null : text;
    }

    /** After GENERATED: ALWAYS|BY DEFAULT AS IDENTITY [(opts)] or ALWAYS AS (expr) STORED. */
    private static void skipGenerated(TokenCursor c) {
        if (!c.accept("ALWAYS")) {
            c.expect("BY", "DEFAULT");
            c.accept("ON", "NULL");
        }
        c.expect("AS");
        c.accept("IDENTITY");
        if (c.atSymbol('(')) {
            c.skipGroup();
        }
    }

    /**
     * Whether a default expression calls a function whose value changes per row. On PostgreSQL a
     * function not known to be STABLE or IMMUTABLE counts as volatile: {@code CREATE FUNCTION}
     * makes functions VOLATILE unless told otherwise, and ADD COLUMN then rewrites the table.
     */
    static boolean isVolatile(String expression, Dialect dialect) {
        List<Token> tokens = SqlLexer.significant(expression, dialect);
        for (int i = 0; i + 1 < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.type() != Token.Type.WORD || !tokens.get(i + 1).isSymbol('(') || isTypeName(tokens, i)) {
                continue;
            }
            String name = t.text().toLowerCase(Locale.ROOT);
            if (VOLATILE_FUNCTIONS.contains(name)
                    || dialect == Dialect.POSTGRESQL && !NON_VOLATILE_POSTGRES_FUNCTIONS.contains(name)) {
                return true;
            }
        }
        return false;
    }

    /** A word after {@code ::} or {@code CAST(... AS} names a type ({@code '1'::numeric(10, 2)}), not a call. */
    private static boolean isTypeName(List<Token> tokens, int i) {
        return i > 0 && (tokens.get(i - 1).isSymbol(':') || tokens.get(i - 1).is("AS"));
    }

    /** PostgreSQL functions and function-like keywords that are STABLE or IMMUTABLE. */
    private static final Set<String> NON_VOLATILE_POSTGRES_FUNCTIONS = Set.of(
            "now", "statement_timestamp", "transaction_timestamp", "current_setting", "current_date",
            "current_timestamp", "localtimestamp", "current_time", "localtime", "cast", "array", "row", "coalesce",
            "nullif", "greatest", "least", "extract", "position", "overlay", "substring", "trim", "lower", "upper",
            "btrim", "ltrim", "rtrim", "length", "char_length", "octet_length", "substr", "replace", "concat",
            "concat_ws", "format", "left", "right", "lpad", "rpad", "md5", "encode", "decode", "abs", "round",
            "floor", "ceil", "ceiling", "trunc", "mod", "power", "to_char", "to_date", "to_timestamp", "to_number",
            "date_trunc", "date_part", "make_date", "make_time", "make_timestamp", "make_timestamptz",
            "make_interval", "timezone", "age", "to_json", "to_jsonb", "json_build_object", "jsonb_build_object",
            "json_build_array", "jsonb_build_array", "array_fill", "int4range", "int8range", "numrange", "tsrange",
            "tstzrange", "daterange", "point", "inet", "interval", "jsonb", "json");
}
