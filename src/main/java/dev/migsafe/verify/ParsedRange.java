package dev.migsafe.verify;

import java.util.ArrayList;
import java.util.List;

import dev.migsafe.source.Migration;
import dev.migsafe.sql.ParsedStatement;
import dev.migsafe.sql.SqlScriptParser;
import dev.migsafe.sql.SqlSyntaxException;

/** The range's up statements, parsed once for what the verification reads from them (blame, seeding hints). */
final class ParsedRange {

    /** A statement of the range with the migration it belongs to. */
    record Located(Migration migration, ParsedStatement parsed) {
    }

    private final List<Located> statements = new ArrayList<>();

    ParsedRange(List<Migration> range, ServerKind kind) {
        SqlScriptParser parser = new SqlScriptParser();
        for (Migration m : range) {
            try {
                List<ParsedStatement> parsed = m.preparedUp() != null // a Liquibase changeSet: its changes
                        ? m.preparedUp().resolve(parser, kind.dialect()) : parser.parse(m.up(), kind.dialect());
                parsed.forEach(p -> statements.add(new Located(m, p)));
            } catch (SqlSyntaxException e) {
                // applying it fails with the same message; nothing to read from it
            }
        }
    }

    List<Located> statements() {
        return statements;
    }
}
