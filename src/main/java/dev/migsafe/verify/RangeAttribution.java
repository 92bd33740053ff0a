package dev.migsafe.verify;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import dev.migsafe.change.Change;
import dev.migsafe.sql.SqlStatement;

/**
 * Finds the range statement behind a failure of the older release on a table or column: the first
 * change of the range that renamed, dropped, retyped or tightened it under its older name (a rename is
 * itself the break, so the older name is the one to follow; a migration that only indexed the column is
 * not the cause). When no change explains it (a statement migsafe could not read), the first statement
 * that mentions the table and the column, else the table.
 */
final class RangeAttribution {

    private final List<ParsedRange.Located> statements;

    RangeAttribution(ParsedRange range) {
        this.statements = range.statements();
    }

    /** "migration 3 (db/V3__x.sql line 4: ALTER TABLE ...)", or null when nothing in the range explains it. */
    String blame(String table, String column) {
        ParsedRange.Located found = byLineage(table, column);
        if (found == null) {
            found = byMention(table, column);
        }
        if (found == null) {
            return null;
        }
        SqlStatement s = found.parsed().statement();
        return "migration " + found.migration().id() + " (" + s.file() + " line " + s.line() + ": " + s.summary(100) + ")";
    }

    /** The first change that breaks the older table (or column) under the name it has at that point. */
    private ParsedRange.Located byLineage(String olderTable, String olderColumn) {
        String table = normal(olderTable);
        String column = olderColumn == null ? null : normal(olderColumn);
        for (ParsedRange.Located l : statements) {
            if (l.parsed().changes().stream().anyMatch(change -> breaks(change, table, column))) {
                return l;
            }
        }
        return null;
    }

    /** Whether this change renames, drops, retypes or tightens the table (or its column). */
    private static boolean breaks(Change change, String table, String column) {
        if (change instanceof Change.RenameTable r) {
            return same(r.from(), table);
        }
        if (change instanceof Change.DropTable d) {
            return same(d.table(), table);
        }
        if (change instanceof Change.AddColumn a) {
            // a new NOT NULL column without a default breaks the older release's INSERTs into the table
            return same(a.table(), table) && a.column().notNull() && !a.column().hasValueWithoutApp()
                    && (column == null || same(a.column().name(), column));
        }
        if (column == null) {
            return false;
        }
        if (change instanceof Change.RenameColumn r) {
            // from: the older release's column is gone; to: a column it does not know now holds the old
            // one's constraints (a NOT NULL it never fills)
            return same(r.table(), table) && (same(r.from(), column) || same(r.to(), column));
        }
        if (change instanceof Change.DropColumn d) {
            return same(d.table(), table) && same(d.column(), column);
        }
        if (change instanceof Change.AlterColumnType a) {
            return same(a.table(), table) && same(a.column(), column);
        }
        if (change instanceof Change.RedefineColumn r) {
            return same(r.table(), table) && same(r.oldName(), column);
        }
        if (change instanceof Change.SetNotNull n) {
            return same(n.table(), table) && same(n.column(), column);
        }
        return false;
    }

    private ParsedRange.Located byMention(String table, String column) {
        Pattern t = word(table);
        ParsedRange.Located found = null;
        if (column != null) {
            Pattern c = word(column);
            found = statements.stream().filter(l -> t.matcher(l.parsed().statement().text()).find()
                    && c.matcher(l.parsed().statement().text()).find()).findFirst().orElse(null);
        }
        if (found == null) {
            found = statements.stream().filter(l -> t.matcher(l.parsed().statement().text()).find()).findFirst().orElse(null);
        }
        return found;
    }

    /** Names as the model keeps them: lower-cased, PostgreSQL's default schema left out. */
    private static String normal(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.startsWith("public.") ? n.substring("public.".length()) : n;
    }

    private static boolean same(String modelName, String name) {
        return modelName != null && normal(modelName).equals(name);
    }

    private static Pattern word(String name) {
        return Pattern.compile("(?<![A-Za-z0-9_$])" + Pattern.quote(name) + "(?![A-Za-z0-9_$])", Pattern.CASE_INSENSITIVE);
    }
}
