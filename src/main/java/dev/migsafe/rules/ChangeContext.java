package dev.migsafe.rules;

import java.util.List;

import dev.migsafe.change.Change;
import dev.migsafe.source.FlywaySettings;
import dev.migsafe.schema.Column;
import dev.migsafe.schema.Schema;
import dev.migsafe.schema.Table;
import dev.migsafe.source.Migration;
import dev.migsafe.sql.ParsedStatement;

/**
 * One change of one statement, with the schemas around it.
 *
 * <ul>
 *   <li>{@link #base()}: the schema the older release runs on (before the window being checked);</li>
 *   <li>{@link #before()}: the schema just before this change;</li>
 *   <li>{@link #end()}: the schema at the end of the window (what the newer release leaves).</li>
 * </ul>
 * For changes of a down script, {@code before} is the schema while the down replays and
 * {@code base} is the schema before the migration's up.
 */
public final class ChangeContext extends RuleContext {
    public enum Script { UP, DOWN }

    private final Migration migration;
    private final Script script;
    private final List<ParsedStatement> statements;
    private final ParsedStatement statement;
    private final Change change;
    private final Schema before;
    private final Schema base;
    private final Schema end;
    private final History history;

    /**
     * @param statements every statement of the script {@code statement} belongs to, in order
     */
    public ChangeContext(Rule rule, ServerVersion server, FlywaySettings flyway, FindingSink sink, Migration migration, Script script,
                         List<ParsedStatement> statements, ParsedStatement statement, Change change, Schema before,
                         Schema base, Schema end) {
        this(rule, server, flyway, sink, migration, script, statements, statement, change, before, base, end, History.NONE);
    }

    /**
     * @param history the older release's migrations and the window's, for rules that judge by history
     */
    public ChangeContext(Rule rule, ServerVersion server, FlywaySettings flyway, FindingSink sink, Migration migration, Script script,
                         List<ParsedStatement> statements, ParsedStatement statement, Change change, Schema before,
                         Schema base, Schema end, History history) {
        super(rule, server, flyway, sink);
        this.migration = migration;
        this.script = script;
        this.statements = statements;
        this.statement = statement;
        this.change = change;
        this.before = before;
        this.base = base;
        this.end = end;
        this.history = history;
    }

    public Migration migration() { return migration; }
    public Script script() { return script; }
    public boolean isUp() { return script == Script.UP; }
    public ParsedStatement statement() { return statement; }
    /** Every statement of the script this change's statement belongs to (the up or the down), in order. */
    public List<ParsedStatement> scriptStatements() { return statements; }
    /** The script this change's statement belongs to. */
    public dev.migsafe.sql.MigrationScript scriptFile() { return isUp() ? migration.up() : migration.down(); }

    /** Position of this change's statement in {@link #scriptStatements()}. */
    public int statementIndex() {
        for (int i = 0; i < statements.size(); i++) {
            if (statements.get(i) == statement) {
                return i;
            }
        }
        throw new IllegalStateException("statement not in its script");
    }
    public Change change() { return change; }
    public Schema before() { return before; }
    public Schema base() { return base; }
    public Schema end() { return end; }
    /** The migrations the older release ran and those of the window, with their up scripts. */
    public History history() { return history; }

    /**
     * The table as the older release knows it, for a table named {@code table} just before this
     * change; null when the table is new in the window (created, or unknown to the older release).
     */
    public Table baseTable(String table) {
        Table now = before.table(table);
        return now == null ? null : base.tableByLineage(now.lineage());
    }

    /** The column as the older release knows it (by lineage), or null when it is new in the window. */
    public Column baseColumn(String table, String column) {
        Table now = before.table(table);
        Table old = baseTable(table);
        if (now == null || old == null || now.column(column) == null) {
            return null;
        }
        long lineage = now.column(column).lineage();
        return old.columns().values().stream().filter(c -> c.lineage() == lineage).findFirst().orElse(null);
    }

    /** Reports at this statement, with the rule's default fix. */
    public void report(String object, String message) {
        report(object, message, null);
    }

    public void report(String object, String message, String fix) {
        reportAt(statement.statement().file(), statement.statement().line(), statement.statement().summary(200),
                object, message, fix);
    }
}
