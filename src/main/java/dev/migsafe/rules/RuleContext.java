package dev.migsafe.rules;

import dev.migsafe.sql.Dialect;

/** What every rule hook gets: the rule's metadata, the dialect, and a way to report. */
public abstract class RuleContext {
    private final Rule rule;
    private final Dialect dialect;
    private final FindingSink sink;

    protected RuleContext(Rule rule, Dialect dialect, FindingSink sink) {
        this.rule = rule;
        this.dialect = dialect;
        this.sink = sink;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** Reports a finding at an explicit place, with the rule's default fix when {@code fix} is null. */
    public void reportAt(String file, int line, String statement, String object, String message, String fix) {
        RuleInfo info = rule.info();
        sink.accept(new Finding(info.id(), info.name(), info.category(), info.severity(), file, line, object,
                statement, message, fix != null ? fix : info.fix(), false, null));
    }
}
