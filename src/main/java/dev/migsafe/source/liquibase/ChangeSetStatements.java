package dev.migsafe.source.liquibase;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.migsafe.change.Change;
import dev.migsafe.dialect.Dialect;
import dev.migsafe.sql.MigrationScript;
import dev.migsafe.sql.MigrationScript;
import dev.migsafe.source.PreparedStatements;
import dev.migsafe.sql.ParsedStatement;
import dev.migsafe.sql.ScriptParser;
import dev.migsafe.sql.SqlStatement;
import liquibase.database.DatabaseList;

/**
 * The statements of one changeSet's changes (or of its rollback), resolved for the dialect of the
 * analysis: changes guarded by a {@code dbms} that does not match are left out, as Liquibase leaves
 * them out; change objects are mapped by {@link ChangeMapper}; SQL text goes through the SQL parser;
 * a change type migsafe does not map becomes a not-understood statement (PS501), never dropped.
 */
final class ChangeSetStatements implements PreparedStatements {

    /**
     * One change of the changeSet.
     *
     * @param change the Liquibase change object
     * @param statement where it is and how reports show it
     * @param sql    its SQL text for changes made of SQL ({@code sql}, {@code sqlFile}, {@code createView},
     *               {@code createProcedure}), read while the changelog's files were open; else null
     * @param dbms   the change's own {@code dbms} guard, or null
     */
    record Item(liquibase.change.Change change, SqlStatement statement, MigrationScript sql, String dbms) {
    }

    private final List<Set<String>> changeSetDbms;
    private final boolean quoteAll;
    private final List<Item> items;
    private final LiquibaseChangeSet origin;

    /**
     * @param changeSetDbms the changeSet's dbms guards, each a set Liquibase matches: its {@code dbms}
     *                      attribute and any {@code <dbms>} precondition that skips it elsewhere
     * @param origin        the changeSet itself, for running it with Liquibase (null for a rollback)
     */
    ChangeSetStatements(List<Set<String>> changeSetDbms, boolean quoteAll, List<Item> items, LiquibaseChangeSet origin) {
        this.changeSetDbms = List.copyOf(changeSetDbms);
        this.quoteAll = quoteAll;
        this.items = List.copyOf(items);
        this.origin = origin;
    }

    LiquibaseChangeSet origin() {
        return origin;
    }

    @Override
    public List<ParsedStatement> resolve(ScriptParser parser, Dialect dialect) {
        if (!changeSetDbms.stream().allMatch(dbms -> runsOn(dbms, dialect))) {
            return List.of();
        }
        ChangeMapper mapper = new ChangeMapper(dialect, quoteAll);
        List<ParsedStatement> out = new ArrayList<>();
        for (Item item : items) {
            if (item.dbms() != null && !runsOn(DatabaseList.toDbmsSet(item.dbms()), dialect)) {
                continue;
            }
            if (item.sql() != null) {
                out.addAll(parser.parse(item.sql(), dialect));
                continue;
            }
            if (item.change() instanceof OpaqueCustomChange custom) {
                out.add(ParsedStatement.notUnderstood(item.statement(), "customChange " + custom.getClassName()
                        + " runs the application's own Java code, which migsafe does not load: its effect on the"
                        + " schema and the data is unknown; review it by hand"));
                continue;
            }
            List<Change> changes = mapper.map(item.change());
            out.add(changes == null
                    ? ParsedStatement.notUnderstood(item.statement(), "Liquibase change type '"
                    + item.change().getSerializedObjectName() + "' is not analysed by migsafe")
                    : ParsedStatement.understood(item.statement(), changes));
        }
        return out;
    }

    /** Liquibase's own dbms matching ({@code "postgresql, !h2"}); MariaDB changeSets count for MySQL. */
    static boolean runsOn(Set<String> dbms, Dialect dialect) {
        if (dbms == null || dbms.isEmpty()) {
            return true;
        }
        return dialect.server().liquibaseNames().stream().anyMatch(name -> DatabaseList.definitionMatches(dbms, name, true));
    }
}
