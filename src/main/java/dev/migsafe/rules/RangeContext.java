package dev.migsafe.rules;

import java.util.List;

import dev.migsafe.source.Migration;

/**
 * The two releases being compared.
 *
 * @param older migrations of the release to go back to (empty for {@code analyze} without a base)
 * @param newer migrations of the release that is (or will be) deployed
 * @param range migrations in {@code newer} and not in {@code older}
 */
public final class RangeContext extends RuleContext {
    private final List<Migration> older;
    private final List<Migration> newer;
    private final List<Migration> range;

    public RangeContext(Rule rule, ServerVersion server, FindingSink sink, List<Migration> older, List<Migration> newer,
                        List<Migration> range) {
        super(rule, server, sink);
        this.older = older;
        this.newer = newer;
        this.range = range;
    }

    public List<Migration> older() { return older; }
    public List<Migration> newer() { return newer; }
    public List<Migration> range() { return range; }
}
