package dev.migsafe.rules;

import java.util.List;

import dev.migsafe.source.FlywaySettings;
import dev.migsafe.schema.Schema;
import dev.migsafe.source.Migration;
import dev.migsafe.sql.ParsedStatement;

/**
 * One migration of the range as a whole.
 *
 * @see ChangeContext for base / end
 */
public final class MigrationContext extends RuleContext {
    private final Migration migration;
    private final List<ParsedStatement> up;
    private final List<ParsedStatement> down;
    private final Schema before;
    private final Schema afterUp;
    private final Schema afterDown;
    private final Schema base;
    private final Schema end;
    private final History history;

    /**
     * @param down      parsed down script, or null when the migration has none
     * @param afterDown schema after replaying up then down, or null when there is no down
     */
    public MigrationContext(Rule rule, ServerVersion server, FlywaySettings flyway, FindingSink sink, Migration migration,
                            List<ParsedStatement> up, List<ParsedStatement> down, Schema before, Schema afterUp,
                            Schema afterDown, Schema base, Schema end, History history) {
        super(rule, server, flyway, sink);
        this.migration = migration;
        this.up = up;
        this.down = down;
        this.before = before;
        this.afterUp = afterUp;
        this.afterDown = afterDown;
        this.base = base;
        this.end = end;
        this.history = history;
    }

    public Migration migration() { return migration; }
    public List<ParsedStatement> up() { return up; }
    public List<ParsedStatement> down() { return down; }
    public Schema before() { return before; }
    public Schema afterUp() { return afterUp; }
    public Schema afterDown() { return afterDown; }
    public Schema base() { return base; }
    public Schema end() { return end; }
    /** the migrations before the window, as for {@link ChangeContext#history()} */
    public History history() { return history; }

    /** Reports at the first line of the migration's up file. */
    public void report(String object, String message) {
        reportAt(migration.up().path(), migration.up().firstLine(), "", object, message, null);
    }
}
