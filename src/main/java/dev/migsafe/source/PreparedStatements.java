package dev.migsafe.source;

import java.util.List;

import dev.migsafe.dialect.Dialect;
import dev.migsafe.sql.ParsedStatement;
import dev.migsafe.sql.ScriptParser;

/**
 * The statements of a migration script that come ready-made instead of from parsing its text: a
 * Liquibase changeSet's change objects, mapped straight to change events. They are resolved with the
 * dialect the analysis settles on, because that dialect decides which {@code dbms}-guarded parts
 * apply and how embedded raw SQL is parsed (with {@code parser}).
 */
@FunctionalInterface
public interface PreparedStatements {

    List<ParsedStatement> resolve(ScriptParser parser, Dialect dialect);
}
