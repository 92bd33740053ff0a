package dev.migsafe.rules;

import dev.migsafe.dialect.Dialect;
import dev.migsafe.source.FlywaySettings;

/**
 * What every rule hook gets: the rule's metadata, the dialect and server version, the project's
 * migration-tool settings, and a way to report.
 */
public abstract class RuleContext {
    private final Rule rule;
    private final ServerVersion server;
    private final FlywaySettings flyway;
    private final FindingSink sink;

    protected RuleContext(Rule rule, ServerVersion server, FlywaySettings flyway, FindingSink sink) {
        this.rule = rule;
        this.server = server;
        this.flyway = flyway;
        this.sink = sink;
    }

    /** The project's Flyway settings (Flyway's defaults when it sets none). */
    public FlywaySettings flyway() {
        return flyway;
    }

    public Dialect dialect() {
        return server.dialect();
    }

    /** The server version the migrations run on (configured, or the dialect's default). */
    public ServerVersion serverVersion() {
        return server;
    }

    /** Reports a finding at an explicit place, with the rule's default fix when {@code fix} is null. */
    public void reportAt(String file, int line, String statement, String object, String message, String fix) {
        reportAt(file, line, statement, object, message, fix, rule.info().severity());
    }

    /** As {@link #reportAt(String, int, String, String, String, String)}, at another severity than the rule's default. */
    public void reportAt(String file, int line, String statement, String object, String message, String fix,
                         Severity severity) {
        RuleInfo info = rule.info();
        sink.accept(new Finding(info.id(), info.name(), info.category(), severity, file, line, object,
                statement, message, fix != null ? fix : info.fix(), false, null));
    }
}
