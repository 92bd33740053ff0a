package dev.migsafe.analysis;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.migsafe.change.Change;
import dev.migsafe.rules.ChangeContext;
import dev.migsafe.rules.Finding;
import dev.migsafe.rules.MigrationContext;
import dev.migsafe.rules.RangeContext;
import dev.migsafe.rules.Rule;
import dev.migsafe.schema.Schema;
import dev.migsafe.schema.SchemaReplayer;
import dev.migsafe.source.Migration;
import dev.migsafe.source.MigrationScript;
import dev.migsafe.sql.ParsedStatement;
import dev.migsafe.sql.ScriptParser;

/**
 * Runs the static pipeline: parse every script, replay the older release into a schema, replay the
 * range change by change while the rules watch, then apply suppressions and severities.
 *
 * <p>Replay happens twice: a first pass records the schema at each window's start and end, so that
 * rules looking at one change can also see how the window ends (a rename followed later by a
 * compatibility view is not a break). Replay is deterministic, so lineages agree across passes.
 */
public final class Analyzer {
    private final ScriptParser parser;
    private final List<Rule> rules;

    public Analyzer(ScriptParser parser, List<Rule> rules) {
        this.parser = parser;
        this.rules = rules;
    }

    public AnalysisResult run(AnalysisRequest request) {
        Map<MigrationScript, List<ParsedStatement>> parsed = new IdentityHashMap<>();
        for (Migration m : union(request.older(), request.newer())) {
            parsed.put(m.up(), parser.parse(m.up(), request.dialect()));
            if (m.hasDown()) {
                parsed.put(m.down(), parser.parse(m.down(), request.dialect()));
            }
        }
        Range range = Range.of(request.older(), request.newer());
        List<Window> windows = windows(request, range);

        // pass 1: the schema at each window's start and end
        Schema schema = new Schema();
        List<Migration> replayFirst = request.window() == AnalysisRequest.Window.RANGE ? request.older() : List.of();
        replayFirst.forEach(m -> replay(schema, parsed.get(m.up())));
        Schema older = schema.copy();
        for (Window w : windows) {
            w.pre.forEach(m -> replay(schema, parsed.get(m.up())));
            w.base = schema.copy();
            w.migrations.forEach(m -> replay(schema, parsed.get(m.up())));
            w.end = schema.copy();
        }
        Schema newer = schema;

        // pass 2: rules watch each change of each window
        List<Finding> raw = new ArrayList<>();
        for (Window w : windows) {
            Schema live = w.base.copy();
            for (Migration m : w.migrations) {
                checkMigration(request, m, parsed, live, w, raw::add);
            }
        }
        List<Migration> released = request.window() == AnalysisRequest.Window.RANGE ? request.older() : List.of();
        for (Rule rule : rules) {
            rule.onRange(new RangeContext(rule, request.dialect(), raw::add, released, request.newer(),
                    range.migrations()));
        }

        List<ParsedStatement> rangeStatements = range.migrations().stream()
                .flatMap(m -> m.hasDown() ? java.util.stream.Stream.of(m.up(), m.down()) : java.util.stream.Stream.of(m.up()))
                .flatMap(s -> parsed.get(s).stream())
                .toList();
        List<Finding> findings = new FindingPolicy(request.severityOverrides(), rangeStatements).apply(raw);
        int unparsed = (int) rangeStatements.stream().filter(p -> !p.isUnderstood()).count();
        return new AnalysisResult(range.migrations(), range.statuses(), findings, rangeStatements.size(), unparsed,
                older, newer);
    }

    private void checkMigration(AnalysisRequest request, Migration m, Map<MigrationScript, List<ParsedStatement>> parsed,
                                Schema live, Window w, dev.migsafe.rules.FindingSink sink) {
        Schema before = live.copy();
        List<ParsedStatement> up = parsed.get(m.up());
        watch(request, m, ChangeContext.Script.UP, up, live, w.base, w.end, sink);
        Schema afterUp = live.copy();
        List<ParsedStatement> down = m.hasDown() ? parsed.get(m.down()) : null;
        Schema afterDown = null;
        if (down != null) {
            afterDown = afterUp.copy();
            watch(request, m, ChangeContext.Script.DOWN, down, afterDown, before, before, sink);
        }
        for (Rule rule : rules) {
            rule.onMigration(new MigrationContext(rule, request.dialect(), sink, m, up, down, before, afterUp,
                    afterDown, w.base, w.end));
        }
    }

    /** Replays statements into {@code live}, letting every rule see each change just before it applies. */
    private void watch(AnalysisRequest request, Migration m, ChangeContext.Script script, List<ParsedStatement> statements,
                       Schema live, Schema base, Schema end, dev.migsafe.rules.FindingSink sink) {
        for (ParsedStatement ps : statements) {
            for (Change change : ps.changes()) {
                for (Rule rule : rules) {
                    rule.onChange(new ChangeContext(rule, request.dialect(), sink, m, script, ps, change, live, base, end));
                }
                SchemaReplayer.apply(live, change);
            }
        }
    }

    private static void replay(Schema schema, List<ParsedStatement> statements) {
        for (ParsedStatement ps : statements) {
            ps.changes().forEach(c -> SchemaReplayer.apply(schema, c));
        }
    }

    /**
     * RANGE: one window holding the whole range. PER_MIGRATION: one window per range migration,
     * preceded by the migrations of {@code newer} that are not checked.
     */
    private static List<Window> windows(AnalysisRequest request, Range range) {
        List<Window> windows = new ArrayList<>();
        if (request.window() == AnalysisRequest.Window.RANGE) {
            windows.add(new Window(List.of(), range.migrations()));
            return windows;
        }
        Set<Migration> checked = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        checked.addAll(range.migrations());
        List<Migration> pending = new ArrayList<>();
        for (Migration m : request.newer()) {
            if (checked.contains(m)) {
                windows.add(new Window(List.copyOf(pending), List.of(m)));
                pending.clear();
            } else {
                pending.add(m);
            }
        }
        if (!pending.isEmpty()) {
            windows.add(new Window(List.copyOf(pending), List.of())); // so the newer schema is complete
        }
        return windows;
    }

    private static List<Migration> union(List<Migration> a, List<Migration> b) {
        Map<Migration, Boolean> seen = new IdentityHashMap<>();
        List<Migration> all = new ArrayList<>();
        for (Migration m : a) {
            if (seen.put(m, true) == null) all.add(m);
        }
        for (Migration m : b) {
            if (seen.put(m, true) == null) all.add(m);
        }
        return all;
    }

    /** Migrations replayed silently ({@code pre}), then checked ({@code migrations}). */
    private static final class Window {
        final List<Migration> pre;
        final List<Migration> migrations;
        Schema base;
        Schema end;

        Window(List<Migration> pre, List<Migration> migrations) {
            this.pre = pre;
            this.migrations = migrations;
        }
    }
}
