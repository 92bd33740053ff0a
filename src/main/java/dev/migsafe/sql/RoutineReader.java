package dev.migsafe.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.migsafe.change.Change;
import dev.migsafe.dialect.Dialect;

/**
 * Functions, procedures and triggers: CREATE [OR REPLACE] FUNCTION/PROCEDURE (name, argument
 * types, whether it returns trigger; the body is not executed by the migration, so it is not analysed), ALTER FUNCTION
 * (RENAME TO, or other forms as Other), CREATE TRIGGER (Other, about its table). MySQL procedure
 * bodies are remembered in the {@link ProcedureRegistry} so that a later CALL can be expanded.
 */
final class RoutineReader {

    private static final Set<String> ARGUMENT_MODES = Set.of("IN", "INOUT", "VARIADIC");

    private RoutineReader() {
    }

    /** CREATE [OR REPLACE] FUNCTION|PROCEDURE, from the FUNCTION/PROCEDURE keyword. */
    static List<Change> createRoutine(TokenCursor c, boolean orReplace, ProcedureRegistry registry) {
        boolean procedure = c.accept("PROCEDURE");
        if (!procedure) {
            c.expect("FUNCTION");
        }
        c.accept("IF", "NOT", "EXISTS");
        String name = c.name();
        String arguments = null;
        List<String> parameterNames = new ArrayList<>();
        if (c.atSymbol('(')) {
            int open = c.position();
            c.skipGroup();
            TokenCursor group = c.sub(open, c.position());
            if (c.dialect().syntax().overloadedRoutines()) {
                arguments = signature(group);
            } else {
                parameterNames = mySqlParameterNames(group);
            }
        }
        if (c.dialect() == Dialect.MYSQL && procedure) {
            registry.define(name, parameterNames, bodyText(c));
        }
        boolean returnsTrigger = !procedure && c.accept("RETURNS") && (c.at("TRIGGER") || c.at("EVENT_TRIGGER"));
        c.restText();
        return List.of(new Change.CreateFunction(name, arguments, orReplace, procedure, returnsTrigger));
    }

    /** ALTER FUNCTION|PROCEDURE|ROUTINE name[(args)] RENAME TO x, or another form as Other. */
    static List<Change> alterRoutine(TokenCursor c) {
        String kind = c.acceptAny("FUNCTION", "PROCEDURE", "ROUTINE");
        String name = c.name();
        if (c.atSymbol('(')) {
            c.skipGroup();
        }
        if (c.accept("RENAME", "TO")) {
            return List.of(new Change.RenameFunction(name, c.name()));
        }
        c.restText();
        return List.of(new Change.Other("ALTER " + kind, name));
    }

    /** CREATE [CONSTRAINT] TRIGGER name ... ON table ...: Other about the table. */
    static List<Change> createTrigger(TokenCursor c) {
        c.accept("CONSTRAINT");
        c.expect("TRIGGER");
        c.accept("IF", "NOT", "EXISTS");
        c.name();
        while (!c.atEnd() && !c.at("ON")) {
            c.next();
        }
        c.expect("ON");
        String table = c.name();
        c.restText();
        return List.of(new Change.Other("CREATE TRIGGER", table));
    }

    /**
     * The argument types of a parenthesised PostgreSQL parameter list, normalised:
     * {@code (IN p_id int4, name character varying)} gives {@code (integer, varchar)}. OUT
     * parameters are left out, as PostgreSQL leaves them out of a function's identity.
     */
    static String signature(TokenCursor group) {
        group.expectSymbol('(');
        List<String> types = new ArrayList<>();
        TokenCursor inner = group.sub(group.position(), group.remaining().size() + group.position() - 1);
        for (TokenCursor arg : inner.splitRest()) {
            if (arg.accept("OUT")) {
                continue;
            }
            arg.acceptAny(ARGUMENT_MODES.toArray(String[]::new));
            String text = arg.textUntil(Set.of("DEFAULT"));
            if (text == null) {
                continue;
            }
            if (text.contains("=")) {
                text = text.substring(0, text.indexOf('=')).trim();
            }
            types.add(argumentType(text, group.dialect()));
        }
        return "(" + String.join(", ", types) + ")";
    }

    /** The type of one argument written as {@code [name] type}. */
    private static String argumentType(String text, Dialect dialect) {
        List<Token> tokens = SqlLexer.significant(text, dialect);
        if (tokens.size() > 1 && tokens.get(0).isName() && !tokens.get(1).isSymbol('(')
                && !tokens.get(1).isSymbol('[') && !tokens.get(1).isSymbol('.')
                && !TypeNames.isBuiltIn(text)) {
            text = text.substring(tokens.get(1).start());
        }
        return TypeNames.parse(text, dialect).toString();
    }

    private static List<String> mySqlParameterNames(TokenCursor group) {
        group.expectSymbol('(');
        List<String> names = new ArrayList<>();
        TokenCursor inner = group.sub(group.position(), group.remaining().size() + group.position() - 1);
        for (TokenCursor param : inner.splitRest()) {
            param.acceptAny("IN", "OUT", "INOUT");
            names.add(param.identifier());
        }
        return names;
    }

    /** The routine body: from its BEGIN (MySQL compound statement) to the end. */
    private static String bodyText(TokenCursor c) {
        while (!c.atEnd() && !c.at("BEGIN")) {
            c.next();
        }
        return c.restText();
    }
}
