package dev.migsafe.sql;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.migsafe.change.Change;
import dev.migsafe.dialect.Dialect;
import net.sf.jsqlparser.statement.Statement;

/**
 * Turns one statement into its changes. Routing is by the first keywords:
 * <ul>
 *   <li>table DDL, indexes, DROP, sequences, types, domains, routines, triggers, DO blocks and CALL
 *       go to token-based readers, which keep every detail the rules need (JSqlParser keeps column
 *       options as loose strings and rejects many PostgreSQL forms);</li>
 *   <li>views and data statements go to JSqlParser, whose AST gives view lineage and WHERE clauses;
 *       when it fails, data statements fall back to a token reader;</li>
 *   <li>statements without schema effect are recognised by {@link StatementKinds};</li>
 *   <li>anything else is not understood, with a reason.</li>
 * </ul>
 */
final class StatementReader {

    private final Dialect dialect;
    private final ProcedureRegistry procedures;
    private final ViewReader views;
    private final DataChangeReader data;
    /** Procedures and DO blocks being expanded, outermost first: a body that runs itself is not followed. */
    private final Deque<String> expanding = new ArrayDeque<>();

    /** How many procedural bodies (DO blocks, CALLed procedures, EXECUTEd strings) may sit inside each other. */
    static final int MAX_BODY_DEPTH = 16;

    /**
     * Statements longer than this (characters) are never handed to JSqlParser, whose AST of a
     * multi-megabyte INSERT takes dozens of times the text's size: bulk loads (INSERT, REPLACE,
     * UPSERT, COPY) are read from their first tokens, other statements by the token readers.
     */
    static final int LARGE_STATEMENT_CHARS = 1 << 20;
    private static final String DO_BLOCK = "DO block";

    StatementReader(Dialect dialect, ProcedureRegistry procedures) {
        this.dialect = dialect;
        this.procedures = procedures;
        this.views = new ViewReader(dialect);
        this.data = new DataChangeReader(dialect);
    }

    ParsedStatement read(SqlStatement statement) {
        try {
            return ParsedStatement.understood(statement, changes(statement.text(), statement));
        } catch (NotUnderstoodException e) {
            return ParsedStatement.notUnderstood(statement, e.getMessage());
        } catch (StackOverflowError e) {
            // the readers recurse per nesting level; the stack is unwound by now, so carry on
            return ParsedStatement.notUnderstood(statement, DeepStack.TOO_DEEP);
        } catch (RuntimeException e) {
            // a reader bug must not stop the analysis of the other statements
            return ParsedStatement.notUnderstood(statement, "internal error reading the statement: " + e);
        }
    }

    private List<Change> changes(String text, SqlStatement statement) {
        if (text.length() > LARGE_STATEMENT_CHARS) {
            TokenCursor head = TokenCursor.head(text, dialect, 16);
            if (head.at("INSERT") || head.at("REPLACE") || head.at("UPSERT") || head.at("COPY")) {
                return List.of(data.fromTokens(head)); // a bulk load: its table is all the rules need
            }
        }
        TokenCursor c = TokenCursor.of(text, dialect);
        if (c.atEnd()) {
            throw new NotUnderstoodException("empty statement");
        }
        if (c.accept("CREATE")) {
            return create(c);
        }
        if (c.at("ALTER")) {
            return alter(c);
        }
        if (c.accept("DROP")) {
            return DropReader.read(c);
        }
        if (c.at("RENAME", "TABLE") || c.at("RENAME", "TABLES")) {
            return renameTables(c);
        }
        if (c.accept("DO")) {
            return doBlock(c, statement);
        }
        if (c.accept("CALL")) {
            return call(c, statement);
        }
        if (c.at("EXECUTE")) {
            throw new NotUnderstoodException("EXECUTE of a prepared statement: dynamic SQL is not analysed");
        }
        if (c.at("INSERT") || c.at("UPDATE") || c.at("DELETE") || c.at("MERGE") || c.at("TRUNCATE")
                || c.at("REPLACE") || c.at("UPSERT") || c.at("WITH") || c.at("SELECT") || c.at("VALUES")
                || c.at("COPY") || c.at("TABLE") || c.atSymbol('(')) {
            return dataStatement(c, text);
        }
        return other(c);
    }

    private List<Change> create(TokenCursor c) {
        boolean orReplace = c.accept("OR", "REPLACE");
        skipMySqlCreateOptions(c);
        if (c.at("TABLE") || c.at("TEMPORARY", "TABLE") || c.at("TEMP", "TABLE") || c.at("UNLOGGED", "TABLE")
                || c.at("GLOBAL") || c.at("LOCAL")) {
            return CreateTableReader.read(c);
        }
        if (c.at("INDEX") || c.at("UNIQUE") || c.at("FULLTEXT") || c.at("SPATIAL")) {
            return CreateIndexReader.read(c);
        }
        if (c.at("FUNCTION") || c.at("PROCEDURE")) {
            return RoutineReader.createRoutine(c, orReplace, procedures);
        }
        if (c.at("TRIGGER") || c.at("CONSTRAINT", "TRIGGER")) {
            return RoutineReader.createTrigger(c);
        }
        if (c.at("TYPE")) {
            return TypeReader.createType(c);
        }
        if (c.at("DOMAIN")) {
            return TypeReader.createDomain(c);
        }
        if (c.at("SEQUENCE") || c.at("TEMPORARY", "SEQUENCE") || c.at("TEMP", "SEQUENCE")
                || c.at("UNLOGGED", "SEQUENCE")) {
            return AlterObjectReader.createSequence(c);
        }
        if (c.at("VIEW") || c.at("MATERIALIZED", "VIEW") || c.at("RECURSIVE", "VIEW") || c.at("TEMPORARY", "VIEW")
                || c.at("TEMP", "VIEW")) {
            // MySQL's ALGORITHM/DEFINER/SQL SECURITY are skipped: JSqlParser rejects some of them
            return viewStatement("CREATE " + (orReplace ? "OR REPLACE " : "") + c.restText());
        }
        c.reset(0);
        return other(c);
    }

    private List<Change> alter(TokenCursor c) {
        c.expect("ALTER");
        skipMySqlCreateOptions(c);
        if (c.at("TABLE") || c.at("ONLINE", "TABLE") || c.at("IGNORE", "TABLE") || c.at("OFFLINE", "TABLE")) {
            return AlterTableReader.read(c);
        }
        if (c.at("TYPE")) {
            return TypeReader.alterType(c);
        }
        if (c.at("DOMAIN")) {
            return TypeReader.alterDomain(c);
        }
        if (c.at("FUNCTION") || c.at("PROCEDURE") || c.at("ROUTINE")) {
            return RoutineReader.alterRoutine(c);
        }
        if (c.at("VIEW") && dialect == Dialect.MYSQL) {
            return viewStatement("ALTER " + c.restText()); // MySQL ALTER VIEW v AS SELECT redefines the view
        }
        if (c.at("SEQUENCE") || c.at("VIEW") || c.at("MATERIALIZED", "VIEW") || c.at("INDEX")) {
            return AlterObjectReader.alter(c);
        }
        c.reset(0);
        return other(c);
    }

    /** MySQL's DEFINER = user, ALGORITHM = x, SQL SECURITY x before the object keyword. */
    private void skipMySqlCreateOptions(TokenCursor c) {
        while (true) {
            if (c.accept("DEFINER")) {
                c.expectSymbol('=');
                c.next();
                if (c.acceptSymbol('@')) {
                    c.next();
                }
                if (c.atSymbol('(')) {
                    c.skipGroup(); // CURRENT_USER()
                }
            } else if (c.accept("ALGORITHM")) {
                c.expectSymbol('=');
                c.next();
            } else if (c.accept("SQL", "SECURITY")) {
                c.next();
            } else {
                return;
            }
        }
    }

    private List<Change> viewStatement(String text) {
        if (text.length() > LARGE_STATEMENT_CHARS) {
            throw new NotUnderstoodException("view definition of " + text.length() / 1024 + " KB is too large to analyse");
        }
        StringBuilder why = new StringBuilder();
        Statement ast = JSqlParsing.parse(text, dialect, why);
        if (ast == null) {
            throw new NotUnderstoodException("view query not parsed: " + why);
        }
        try {
            Change view = views.read(ast);
            if (view == null) {
                throw new NotUnderstoodException("not a view definition: " + ast.getClass().getSimpleName());
            }
            return List.of(view);
        } catch (UnsupportedOperationException e) {
            throw new NotUnderstoodException("view query not analysed: " + e.getMessage());
        }
    }

    private List<Change> dataStatement(TokenCursor c, String text) {
        StringBuilder why = new StringBuilder();
        Statement ast = text.length() > LARGE_STATEMENT_CHARS ? null : JSqlParsing.parse(text, dialect, why);
        if (ast != null) {
            Change change = data.fromAst(ast);
            if (change != null) {
                return List.of(change);
            }
        }
        return List.of(data.fromTokens(c));
    }

    /** MySQL RENAME TABLE a TO b [, c TO d]. */
    private List<Change> renameTables(TokenCursor c) {
        c.expect("RENAME");
        c.acceptAny("TABLE", "TABLES");
        List<Change> changes = new ArrayList<>();
        for (TokenCursor pair : c.splitRest()) {
            String from = pair.name();
            pair.expect("TO");
            changes.add(new Change.RenameTable(from, pair.name()));
        }
        return changes;
    }

    /** DO [LANGUAGE l] 'body' [LANGUAGE l]: the plain SQL inside the PL/pgSQL body. */
    private List<Change> doBlock(TokenCursor c, SqlStatement statement) {
        String body = null;
        String language = "plpgsql";
        while (!c.atEnd()) {
            if (c.accept("LANGUAGE")) {
                language = c.next().stringValue(dialect).toLowerCase();
            } else {
                Token t = c.next();
                if (t.type() != Token.Type.DOLLAR_STRING && t.type() != Token.Type.STRING) {
                    throw new NotUnderstoodException("DO without a body string");
                }
                body = t.stringValue(dialect);
            }
        }
        if (body == null || !language.equals("plpgsql")) {
            throw new NotUnderstoodException("DO block in language " + language + " is not analysed");
        }
        return body(body, Map.of(), statement, DO_BLOCK);
    }

    /** CALL proc(args): what the procedure's body does with these arguments, if migsafe saw its definition. */
    private List<Change> call(TokenCursor c, SqlStatement statement) {
        String name = c.name();
        ProcedureRegistry.Procedure procedure = procedures.find(name);
        if (procedure == null) {
            throw new NotUnderstoodException("CALL of procedure " + name + ", whose definition migsafe has not seen");
        }
        Map<String, String> arguments = new LinkedHashMap<>();
        List<TokenCursor> values = c.atSymbol('(') ? c.parenthesisedList() : List.of();
        for (int i = 0; i < procedure.parameters().size() && i < values.size(); i++) {
            List<Token> value = values.get(i).remaining();
            if (value.size() == 1 && value.get(0).type() == Token.Type.STRING) {
                arguments.put(procedure.parameters().get(i), value.get(0).stringValue(dialect));
            }
        }
        return body(procedure.body(), arguments, statement, "procedure " + name);
    }

    private List<Change> body(String body, Map<String, String> variables, SqlStatement statement, String what) {
        if (!what.equals(DO_BLOCK) && expanding.contains(what)) { // nested DO blocks are text, not recursion
            throw new NotUnderstoodException(what + " calls itself (" + String.join(" -> ", expanding) + " -> "
                    + what + "); recursive procedures are not expanded");
        }
        if (expanding.size() >= MAX_BODY_DEPTH) {
            throw new NotUnderstoodException(what + ": procedural bodies nested more than " + MAX_BODY_DEPTH
                    + " deep are not expanded");
        }
        expanding.addLast(what);
        try {
            return readBody(body, variables, statement, what);
        } finally {
            expanding.removeLast();
        }
    }

    private List<Change> readBody(String body, Map<String, String> variables, SqlStatement statement, String what) {
        ProceduralBodyReader reader = new ProceduralBodyReader(dialect,
                sql -> read(new SqlStatement(statement.file(), statement.line(), sql, List.of())));
        ProceduralBodyReader.Result result = reader.read(body, variables);
        if (result.problem() != null) {
            throw new NotUnderstoodException(what + ": " + result.problem());
        }
        return result.changes();
    }

    private List<Change> other(TokenCursor c) {
        Change.Other other = StatementKinds.recognise(c);
        if (other == null) {
            throw new NotUnderstoodException("unknown statement " + leadingWords(c));
        }
        return List.of(other);
    }

    private static String leadingWords(TokenCursor c) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 3 && c.peek(i) != null && c.peek(i).type() == Token.Type.WORD; i++) {
            sb.append(i == 0 ? "" : " ").append(c.peek(i).upper());
        }
        return sb.length() == 0 ? c.near() : sb.toString();
    }
}
