package dev.migsafe.sql;

import java.util.List;

import dev.migsafe.dialect.Dialect;
import dev.migsafe.sql.MigrationScript;

/**
 * Entry point of the sql stage: a script in, its statements with their changes out.
 * Implemented by {@link SqlScriptParser}.
 */
public interface ScriptParser {

    /**
     * Splits and parses a script.
     *
     * @throws SqlSyntaxException when the script cannot even be split (unterminated quote, dollar
     *                            quote or comment); the message names the file and line
     */
    List<ParsedStatement> parse(MigrationScript script, Dialect dialect);
}
