package dev.migsafe.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import dev.migsafe.source.Migration;
import dev.migsafe.sql.SqlScriptParser;
import dev.migsafe.sql.SqlStatement;
import dev.migsafe.sql.SqlSyntaxException;
import dev.migsafe.sql.StatementSplitter;

/**
 * Finds the range statement behind a failure: the first one that mentions the table and the column,
 * else the first that mentions the table.
 */
final class RangeAttribution {

    private record Located(Migration migration, SqlStatement statement) {
    }

    private final List<Located> statements = new ArrayList<>();

    RangeAttribution(List<Migration> range, ServerKind kind) {
        StatementSplitter splitter = new StatementSplitter(kind.dialect());
        for (Migration m : range) {
            if (m.preparedUp() != null) { // a Liquibase changeSet: its changes, one line each
                m.preparedUp().resolve(new SqlScriptParser(), kind.dialect())
                        .forEach(p -> statements.add(new Located(m, p.statement())));
                continue;
            }
            try {
                splitter.split(m.up()).forEach(s -> statements.add(new Located(m, s)));
            } catch (SqlSyntaxException e) {
                // applying it failed with the same message; nothing to attribute to
            }
        }
    }

    /** "migration 3 (db/V3__x.sql line 4: ALTER TABLE ...)", or null when no statement mentions the table. */
    String blame(String table, String column) {
        Pattern t = word(table);
        Located found = null;
        if (column != null) {
            Pattern c = word(column);
            found = statements.stream().filter(l -> t.matcher(l.statement().text()).find()
                    && c.matcher(l.statement().text()).find()).findFirst().orElse(null);
        }
        if (found == null) {
            found = statements.stream().filter(l -> t.matcher(l.statement().text()).find()).findFirst().orElse(null);
        }
        if (found == null) {
            return null;
        }
        SqlStatement s = found.statement();
        return "migration " + found.migration().id() + " (" + s.file() + " line " + s.line() + ": " + s.summary(100) + ")";
    }

    private static Pattern word(String name) {
        return Pattern.compile("(?<![A-Za-z0-9_$])" + Pattern.quote(name) + "(?![A-Za-z0-9_$])", Pattern.CASE_INSENSITIVE);
    }
}
