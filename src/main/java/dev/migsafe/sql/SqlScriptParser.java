package dev.migsafe.sql;

import java.util.ArrayList;
import java.util.List;

import dev.migsafe.dialect.Dialect;
import dev.migsafe.sql.MigrationScript;

/**
 * The sql stage: splits a script with the {@link StatementSplitter} and reads each statement with
 * a {@link StatementReader}, statement by statement. Safe to share between threads.
 *
 * <p>One piece of state lives across scripts: MySQL procedures defined so far, so that a later
 * {@code CALL} can be expanded (see {@link ProcedureRegistry}). Parse a project's scripts in
 * migration order with one instance to benefit from it.
 *
 * <p>Scripts are read on a {@link DeepStack} thread, so that deeply nested statements are analysed
 * rather than overflowing the caller's stack.
 */
public final class SqlScriptParser implements ScriptParser {

    private final ProcedureRegistry procedures = new ProcedureRegistry();

    @Override
    public List<ParsedStatement> parse(MigrationScript script, Dialect dialect) {
        return DeepStack.call(() -> read(script, dialect));
    }

    private List<ParsedStatement> read(MigrationScript script, Dialect dialect) {
        List<SqlStatement> statements = new StatementSplitter(dialect).split(script);
        StatementReader reader = new StatementReader(dialect, procedures);
        List<ParsedStatement> parsed = new ArrayList<>(statements.size());
        for (SqlStatement statement : statements) {
            parsed.add(reader.read(statement));
        }
        return parsed;
    }
}
