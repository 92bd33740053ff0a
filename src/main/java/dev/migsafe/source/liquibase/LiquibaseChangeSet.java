package dev.migsafe.source.liquibase;

import java.util.Optional;

import dev.migsafe.dialect.Dialect;
import dev.migsafe.source.Migration;
import liquibase.changelog.ChangeSet;
import liquibase.resource.ResourceAccessor;

/**
 * A migration's changeSet as Liquibase itself runs it: the parsed {@link ChangeSet} and the files
 * Liquibase may still read when it runs ({@code sqlFile}, {@code loadData}'s CSV), so verification
 * applies and rolls back with liquibase-core rather than with migsafe's reading of the changes.
 */
public record LiquibaseChangeSet(ChangeSet changeSet, ResourceAccessor resources) {

    /**
     * Whether the analysis counts this changeSet for the dialect: its {@code dbms} matches it, where
     * MySQL and MariaDB count as one (a database server is one or the other, and Liquibase tells them
     * apart).
     */
    public boolean analyzedFor(Dialect dialect) {
        return ChangeSetStatements.runsOn(changeSet.getDbmsSet(), dialect);
    }

    /** The changeSet behind a migration read from a Liquibase changelog, or empty for other formats. */
    public static Optional<LiquibaseChangeSet> of(Migration m) {
        return m.preparedUp() instanceof ChangeSetStatements s ? Optional.ofNullable(s.origin()) : Optional.empty();
    }
}
