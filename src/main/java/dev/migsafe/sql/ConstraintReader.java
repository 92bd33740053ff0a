package dev.migsafe.sql;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.migsafe.change.ConstraintDef;

/**
 * Reads constraint definitions: table-level ({@code [CONSTRAINT n] PRIMARY KEY (a)}, UNIQUE, FOREIGN
 * KEY, CHECK, EXCLUDE) and the column-level forms the {@link ColumnReader} hands over.
 */
final class ConstraintReader {

    /** Words in a CHECK expression that are not column names. */
    private static final Set<String> EXPRESSION_KEYWORDS = Set.of(
            "AND", "OR", "NOT", "NULL", "IS", "IN", "TRUE", "FALSE", "LIKE", "ILIKE", "BETWEEN", "ANY", "ALL",
            "SOME", "CASE", "WHEN", "THEN", "ELSE", "END", "CAST", "AS", "SIMILAR", "TO", "DISTINCT", "FROM",
            "ARRAY", "COLLATE", "ESCAPE", "INTERVAL", "UNKNOWN", "REGEXP", "RLIKE", "DIV", "MOD", "XOR",
            "CURRENT_DATE", "CURRENT_TIMESTAMP", "CURRENT_TIME", "LOCALTIMESTAMP", "USING", "WITH", "GIST", "BTREE");

    private ConstraintReader() {
    }

    /** True when the cursor is at a table-level constraint (not a column or a MySQL plain index). */
    static boolean atTableConstraint(TokenCursor c) {
        return c.at("CONSTRAINT") || c.at("PRIMARY", "KEY") || c.at("UNIQUE") || c.at("FOREIGN", "KEY")
                || c.at("CHECK") || c.at("EXCLUDE");
    }

    /** Reads a table-level constraint from the cursor's position to its end. */
    static ConstraintDef readTableConstraint(TokenCursor c) {
        String name = null;
        if (c.accept("CONSTRAINT")) {
            if (!(c.at("PRIMARY") || c.at("UNIQUE") || c.at("FOREIGN") || c.at("CHECK") || c.at("EXCLUDE"))) {
                name = c.identifier();
            }
        }
        ConstraintDef def;
        if (c.accept("PRIMARY", "KEY")) {
            def = keyConstraint(c, name, ConstraintDef.Kind.PRIMARY_KEY);
        } else if (c.accept("UNIQUE")) {
            c.acceptAny("KEY", "INDEX");
            if (!c.atSymbol('(') && !c.at("USING") && !c.at("NULLS")) {
                String indexName = c.identifier(); // MySQL: UNIQUE KEY name (cols)
                name = name == null ? indexName : name;
            }
            def = keyConstraint(c, name, ConstraintDef.Kind.UNIQUE);
        } else if (c.accept("FOREIGN", "KEY")) {
            if (!c.atSymbol('(')) {
                String indexName = c.identifier(); // MySQL: FOREIGN KEY name (cols)
                name = name == null ? indexName : name;
            }
            List<String> columns = c.identifierList();
            def = references(c, name, columns);
        } else if (c.at("CHECK")) {
            def = check(c, name);
        } else if (c.accept("EXCLUDE")) {
            String expression = c.restText();
            def = new ConstraintDef(name, ConstraintDef.Kind.EXCLUDE, List.of(), null, List.of(), expression,
                    expression.toUpperCase().contains("NOT VALID"), null);
        } else {
            throw new NotUnderstoodException("unknown constraint " + c.near());
        }
        return def;
    }

    /** PRIMARY KEY / UNIQUE after their keywords: {@code (cols)} or PostgreSQL {@code USING INDEX idx}. */
    private static ConstraintDef keyConstraint(TokenCursor c, String name, ConstraintDef.Kind kind) {
        c.accept("NULLS", "NOT", "DISTINCT");
        c.accept("NULLS", "DISTINCT");
        if (c.at("USING") && !c.at("USING", "INDEX")) {
            c.next(); // MySQL: USING BTREE before the columns
            c.next();
        }
        List<String> columns = List.of();
        String usingIndex = null;
        if (c.accept("USING", "INDEX")) {
            usingIndex = c.identifier();
        } else {
            columns = c.identifierList();
        }
        boolean notValid = trailer(c);
        return new ConstraintDef(name, kind, columns, null, List.of(), null, notValid, usingIndex);
    }

    /** REFERENCES t [(cols)] and its options, for the given constrained columns. */
    static ConstraintDef references(TokenCursor c, String name, List<String> columns) {
        c.expect("REFERENCES");
        String refTable = c.name();
        List<String> refColumns = c.atSymbol('(') ? c.identifierList() : List.of();
        boolean notValid = trailer(c);
        return new ConstraintDef(name, ConstraintDef.Kind.FOREIGN_KEY, List.copyOf(columns), refTable, refColumns,
                null, notValid, null);
    }

    /** CHECK (expr) [NOT VALID | NO INHERIT | [NOT] ENFORCED]. */
    static ConstraintDef check(TokenCursor c, String name) {
        c.expect("CHECK");
        int open = c.position();
        c.skipGroup();
        TokenCursor group = c.sub(open + 1, c.position() - 1);
        String expression = group.fullText();
        boolean notValid = trailer(c);
        return new ConstraintDef(name, ConstraintDef.Kind.CHECK, mentionedColumns(group), null, List.of(),
                expression, notValid, null);
    }

    /**
     * Skips what may follow a constraint (ON DELETE ..., DEFERRABLE, MATCH ..., NOT VALID, MySQL
     * index options) up to the end or the next column constraint; returns whether NOT VALID was seen.
     */
    private static boolean trailer(TokenCursor c) {
        boolean notValid = false;
        while (!c.atEnd()) {
            if (c.accept("NOT", "VALID")) {
                notValid = true;
            } else if (c.accept("ON", "DELETE") || c.accept("ON", "UPDATE")) {
                if (!c.accept("SET", "NULL") && !c.accept("SET", "DEFAULT") && !c.accept("NO", "ACTION")) {
                    c.next();
                }
                if (c.atSymbol('(')) {
                    c.skipGroup(); // SET NULL (col)
                }
            } else if (c.accept("NOT", "DEFERRABLE") || c.accept("DEFERRABLE")
                    || c.accept("INITIALLY", "DEFERRED") || c.accept("INITIALLY", "IMMEDIATE")
                    || c.accept("NO", "INHERIT") || c.accept("NOT", "ENFORCED") || c.accept("ENFORCED")
                    || c.accept("MATCH", "FULL") || c.accept("MATCH", "SIMPLE") || c.accept("MATCH", "PARTIAL")) {
                // no effect on what the constraint restricts
            } else if (c.at("USING", "INDEX", "TABLESPACE") || c.at("USING") || c.at("INCLUDE") || c.at("WITH")
                    || c.at("COMMENT") || c.at("KEY_BLOCK_SIZE") || c.at("VISIBLE") || c.at("INVISIBLE")) {
                c.next();
                while (!c.atEnd() && !c.atSymbol('(') && !ColumnReader.atColumnOption(c)) {
                    c.next();
                }
                if (c.atSymbol('(')) {
                    c.skipGroup();
                }
            } else {
                break;
            }
        }
        return notValid;
    }

    /** Column names an expression mentions (best effort: names that are not keywords or functions). */
    static List<String> mentionedColumns(TokenCursor expression) {
        Set<String> names = new LinkedHashSet<>();
        List<Token> tokens = expression.remaining();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            boolean call = i + 1 < tokens.size() && tokens.get(i + 1).isSymbol('(');
            boolean cast = i > 0 && tokens.get(i - 1).isSymbol(':');
            boolean qualifier = i + 1 < tokens.size() && tokens.get(i + 1).isSymbol('.');
            if (t.type() == Token.Type.QUOTED_IDENTIFIER
                    || t.type() == Token.Type.WORD && !call && !cast && !qualifier
                    && !EXPRESSION_KEYWORDS.contains(t.upper())) {
                names.add(Names.identifier(t.text(), expression.dialect()));
            }
        }
        return new ArrayList<>(names);
    }
}
