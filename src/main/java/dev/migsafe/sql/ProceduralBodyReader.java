package dev.migsafe.sql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import dev.migsafe.change.Change;
import dev.migsafe.dialect.Dialect;

/**
 * Reads a procedural body (a PostgreSQL {@code DO} block, a MySQL procedure body) for the plain SQL
 * statements it runs. Control flow is not followed: a statement inside {@code IF ... THEN} or a
 * loop counts as performed, since it may be. {@code EXECUTE} of a string that can be worked out
 * (a literal, a variable holding one, CONCAT / || of those and of procedure arguments) is parsed
 * too; any other dynamic SQL makes the body not understood.
 */
final class ProceduralBodyReader {

    /** The changes of a body, or why it was not understood (then changes are incomplete). */
    record Result(List<Change> changes, String problem) {
    }

    /** Statements of the procedural language itself, which change nothing in the schema. */
    private static final Set<String> PROCEDURAL_WORDS = Set.of(
            "RETURN", "RAISE", "PERFORM", "NULL", "EXIT", "CONTINUE", "GET", "OPEN", "FETCH", "CLOSE", "MOVE",
            "ASSERT", "LEAVE", "ITERATE", "SIGNAL", "RESIGNAL", "DEALLOCATE", "UNTIL", "SELECT", "COMMIT", "ROLLBACK");

    private final Dialect dialect;
    private final Function<String, ParsedStatement> sqlParser;

    /** @param sqlParser parses one plain SQL statement of the body (recursively, as a top-level one) */
    ProceduralBodyReader(Dialect dialect, Function<String, ParsedStatement> sqlParser) {
        this.dialect = dialect;
        this.sqlParser = sqlParser;
    }

    /** @param arguments known variable values (procedure arguments), by normalised name */
    Result read(String body, Map<String, String> arguments) {
        Map<String, String> variables = new HashMap<>(arguments);
        List<Change> changes = new ArrayList<>();
        String problem = null;
        boolean declaring = false;
        for (TokenCursor piece : pieces(body)) {
            declaring = stripControlFlow(piece, declaring);
            if (declaring || piece.atEnd()) {
                continue;
            }
            String pieceProblem = statement(piece, variables, changes);
            if (problem == null) {
                problem = pieceProblem;
            }
        }
        return new Result(changes, problem);
    }

    /** The body cut at semicolons (any depth of BEGIN/IF/LOOP; semicolons never sit in parentheses). */
    private List<TokenCursor> pieces(String body) {
        TokenCursor all = TokenCursor.of(body, dialect);
        List<TokenCursor> pieces = new ArrayList<>();
        int start = 0;
        List<Token> tokens = all.remaining();
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).isSymbol(';')) {
                pieces.add(all.sub(start, i));
                start = i + 1;
            }
        }
        if (start < tokens.size()) {
            pieces.add(all.sub(start, tokens.size()));
        }
        return pieces;
    }

    /**
     * Skips block and control-flow headers at the start of a piece (labels, DECLARE sections, BEGIN,
     * IF/ELSIF/WHEN ... THEN, ELSE, loops, EXCEPTION); skips END pieces whole.
     *
     * @return whether we are (still) in a PostgreSQL DECLARE section
     */
    private boolean stripControlFlow(TokenCursor p, boolean declaring) {
        while (!p.atEnd()) {
            if (p.atSymbol('<') && p.peek(1) != null && p.peek(1).isSymbol('<')) {
                skipPast(p, '>', 2);
            } else if (declaring) {
                if (!p.accept("BEGIN")) {
                    p.restText(); // a declaration
                    return true;
                }
                declaring = false;
            } else if (p.at("DECLARE")) {
                if (dialect == Dialect.MYSQL) {
                    p.restText(); // MySQL local declaration
                    return false;
                }
                p.next();
                declaring = true;
            } else if (p.acceptAny("BEGIN", "ELSE", "EXCEPTION", "LOOP", "REPEAT") != null) {
                // block or branch opener
            } else if (p.at("IF") || p.at("ELSIF") || p.at("ELSEIF") || p.at("WHEN") || p.at("CASE")) {
                skipPastWord(p, "THEN");
            } else if (p.at("WHILE") || p.at("FOR") || p.at("FOREACH")) {
                skipPastWord(p, loopBodyStart(p));
            } else if (p.at("END")) {
                p.restText();
            } else {
                break;
            }
        }
        return declaring;
    }

    /** One statement of the body; returns a problem or null. */
    private String statement(TokenCursor p, Map<String, String> variables, List<Change> changes) {
        Token first = p.peek();
        if (first.type() == Token.Type.WORD && PROCEDURAL_WORDS.contains(first.upper())) {
            return null;
        }
        if (p.at("SET") && dialect == Dialect.MYSQL || isAssignment(p)) {
            p.accept("SET");
            String variable = variableName(p);
            if (!p.acceptSymbol('=')) {
                p.expectSymbol(':');
                p.expectSymbol('=');
            }
            variables.put(variable, evaluate(p.rest(), variables));
            return null;
        }
        if (p.accept("PREPARE")) {
            String name = variableName(p);
            p.expect("FROM");
            variables.put(name, evaluate(p.rest(), variables));
            return null;
        }
        if (p.accept("EXECUTE")) {
            return execute(p, variables, changes);
        }
        ParsedStatement parsed = sqlParser.apply(p.restText());
        changes.addAll(parsed.changes());
        return parsed.problem();
    }

    private String execute(TokenCursor p, Map<String, String> variables, List<Change> changes) {
        String sql = evaluate(TokenCursor.of(p.textUntil(Set.of("INTO", "USING")), dialect), variables);
        if (sql == null) {
            return "EXECUTE of a dynamic string";
        }
        String problem = null;
        for (SqlStatement inner : new StatementSplitter(dialect).split(
                new dev.migsafe.sql.MigrationScript("EXECUTE", sql))) {
            ParsedStatement parsed = sqlParser.apply(inner.text());
            changes.addAll(parsed.changes());
            problem = problem == null ? parsed.problem() : problem;
        }
        return problem;
    }

    /** {@code name :=}, {@code name =}, {@code rec.field :=} at the start of a piece. */
    private static boolean isAssignment(TokenCursor p) {
        int i = 0;
        if (p.peek(i) == null || !p.peek(i).isName()) {
            return false;
        }
        while (p.peek(i + 1) != null && p.peek(i + 1).isSymbol('.') && p.peek(i + 2) != null) {
            i += 2;
        }
        Token next = p.peek(i + 1);
        return next != null && (next.isSymbol('=') || next.isSymbol(':') && p.peek(i + 2) != null
                && p.peek(i + 2).isSymbol('='));
    }

    /** A variable: {@code name}, {@code rec.field} or MySQL {@code @name}, normalised. */
    private String variableName(TokenCursor p) {
        String prefix = p.acceptSymbol('@') ? "@" : "";
        return prefix + String.join(".", p.nameParts()).toLowerCase();
    }

    /**
     * The string value of an expression when it can be worked out: a literal, a known variable,
     * CONCAT(...) or a || b of those; otherwise null.
     */
    private String evaluate(TokenCursor e, Map<String, String> variables) {
        List<Token> tokens = e.remaining();
        if (tokens.isEmpty()) {
            return null;
        }
        List<TokenCursor> parts = splitConcatenation(e);
        if (parts.size() > 1) {
            return concat(parts, variables);
        }
        if (e.accept("CONCAT") && e.atSymbol('(')) {
            return concat(e.parenthesisedList(), variables);
        }
        if (tokens.size() == 1 && (tokens.get(0).type() == Token.Type.STRING
                || tokens.get(0).type() == Token.Type.DOLLAR_STRING)) {
            return tokens.get(0).stringValue(dialect);
        }
        int start = e.position();
        try {
            String name = variableName(e);
            return e.atEnd() ? variables.get(name) : null;
        } catch (NotUnderstoodException notAName) {
            e.reset(start);
            return null;
        }
    }

    private String concat(List<TokenCursor> parts, Map<String, String> variables) {
        StringBuilder sb = new StringBuilder();
        for (TokenCursor part : parts) {
            String value = evaluate(part, variables);
            if (value == null) {
                return null;
            }
            sb.append(value);
        }
        return sb.toString();
    }

    /** Cuts {@code a || b || c} at top-level {@code ||}. */
    private static List<TokenCursor> splitConcatenation(TokenCursor e) {
        List<Token> tokens = e.remaining();
        List<TokenCursor> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.isSymbol('(')) {
                depth++;
            } else if (t.isSymbol(')')) {
                depth--;
            } else if (depth == 0 && t.isSymbol('|') && i + 1 < tokens.size() && tokens.get(i + 1).isSymbol('|')) {
                parts.add(e.sub(e.position() + start, e.position() + i));
                start = i + 2;
                i++;
            }
        }
        if (!parts.isEmpty()) {
            parts.add(e.sub(e.position() + start, e.position() + tokens.size()));
        }
        return parts;
    }

    /** The word after a loop's header: PL/pgSQL's WHILE/FOR ... LOOP, MySQL's WHILE ... DO. */
    private String loopBodyStart(TokenCursor p) {
        return switch (dialect) {
            case POSTGRESQL -> "LOOP";
            case MYSQL -> p.at("WHILE") ? "DO" : "LOOP";
        };
    }

    private static void skipPastWord(TokenCursor p, String word) {
        int depth = 0;
        while (!p.atEnd()) {
            Token t = p.next();
            if (t.isSymbol('(')) {
                depth++;
            } else if (t.isSymbol(')')) {
                depth--;
            } else if (depth == 0 && t.is(word)) {
                return;
            }
        }
    }

    private static void skipPast(TokenCursor p, char symbol, int count) {
        int seen = 0;
        while (!p.atEnd() && seen < count) {
            if (p.next().isSymbol(symbol)) {
                seen++;
            }
        }
    }
}
