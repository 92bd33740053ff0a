package dev.migsafe.analysis;

import java.util.List;

import dev.migsafe.rules.Rule;
import dev.migsafe.sql.ScriptParser;

/**
 * Runs the static pipeline: parse every script, replay the older release into a schema, replay the
 * range change by change while the rules watch, apply suppressions and severities.
 */
public final class Analyzer {
    private final ScriptParser parser;
    private final List<Rule> rules;

    public Analyzer(ScriptParser parser, List<Rule> rules) {
        this.parser = parser;
        this.rules = rules;
    }

    public AnalysisResult run(AnalysisRequest request) {
        throw new UnsupportedOperationException("TODO");
    }
}
