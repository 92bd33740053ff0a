package dev.migsafe.rules;

import java.util.List;
import java.util.function.Function;

import dev.migsafe.source.FlywaySettings;
import dev.migsafe.source.Migration;
import dev.migsafe.sql.ParsedStatement;

/**
 * The two releases being compared.
 *
 * @param older migrations of the release to go back to (empty for {@code analyze} without a base)
 * @param newer migrations of the release that is (or will be) deployed
 * @param range migrations in {@code newer} and not in {@code older}
 * @param upStatements the parsed up script of any migration of either release
 */
public final class RangeContext extends RuleContext {
    private final List<Migration> older;
    private final List<Migration> newer;
    private final List<Migration> range;
    private final Function<Migration, List<ParsedStatement>> upStatements;

    public RangeContext(Rule rule, ServerVersion server, FlywaySettings flyway, FindingSink sink, List<Migration> older, List<Migration> newer,
                        List<Migration> range, Function<Migration, List<ParsedStatement>> upStatements) {
        super(rule, server, flyway, sink);
        this.older = older;
        this.newer = newer;
        this.range = range;
        this.upStatements = upStatements;
    }

    /** The statements of a migration's up script (of either release), as parsed for the analysis. */
    public List<ParsedStatement> upStatements(Migration m) {
        return upStatements.apply(m);
    }

    public List<Migration> older() { return older; }
    public List<Migration> newer() { return newer; }
    public List<Migration> range() { return range; }
}
