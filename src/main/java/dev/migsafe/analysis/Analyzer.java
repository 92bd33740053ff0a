package dev.migsafe.analysis;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.migsafe.change.Change;
import dev.migsafe.rules.ChangeContext;
import dev.migsafe.rules.Finding;
import dev.migsafe.rules.FindingSink;
import dev.migsafe.rules.History;
import dev.migsafe.rules.MigrationContext;
import dev.migsafe.rules.RangeContext;
import dev.migsafe.rules.Rule;
import dev.migsafe.schema.Schema;
import dev.migsafe.schema.SchemaReplayer;
import dev.migsafe.source.Migration;
import dev.migsafe.source.PreparedStatements;
import dev.migsafe.sql.MigrationScript;
import dev.migsafe.sql.ParsedStatement;
import dev.migsafe.sql.ScriptParser;

/**
 * Runs the static pipeline: parse every script, replay the older release into a schema, replay the
 * range change by change while the rules watch, then apply suppressions and severities.
 *
 * <p>Each window is replayed twice: once on a copy to learn how it ends, so that rules looking at one
 * change can also see the end of the window (a rename followed later by a compatibility view is not
 * a break), then change by change while the rules watch. Replay is deterministic, so lineages agree.
 */
public final class Analyzer {
    private final ScriptParser parser;
    private final RuleSelection rules;

    public Analyzer(ScriptParser parser, List<Rule> rules) {
        this.parser = parser;
        this.rules = new RuleSelection(rules);
    }

    public AnalysisResult run(AnalysisRequest request) {
        Map<MigrationScript, List<ParsedStatement>> parsed = new IdentityHashMap<>();
        for (Migration m : union(request.older(), request.newer())) {
            parsed.put(m.up(), statements(m.up(), m.preparedUp(), request));
            if (m.hasDown()) {
                parsed.put(m.down(), statements(m.down(), m.preparedDown(), request));
            }
        }
        Range range = Range.of(request.older(), request.newer());
        List<Window> windows = windows(request, range);

        // One running schema; only the current window's snapshots are alive at a time, so memory
        // stays proportional to one schema however long the history is.
        Schema schema = new Schema(request.dialect());
        List<Migration> replayed = new ArrayList<>(); // what the schema holds: the older release of each window
        if (request.window() == AnalysisRequest.Window.RANGE) {
            request.older().forEach(m -> replay(schema, parsed.get(m.up())));
            replayed.addAll(request.older());
        }
        Schema older = null;
        List<Finding> raw = new ArrayList<>();
        for (Window w : windows) {
            w.pre().forEach(m -> replay(schema, parsed.get(m.up())));
            replayed.addAll(w.pre());
            if (w.migrations().isEmpty()) {
                continue;
            }
            adoptUncreatedTables(schema, w.migrations(), parsed);
            Schema base = schema.copy();
            if (older == null && request.window() == AnalysisRequest.Window.RANGE) {
                older = base;
            }
            // first the window's end, so that rules looking at one change can see how the window ends
            Schema end = base.copy();
            w.migrations().forEach(m -> replay(end, parsed.get(m.up())));
            Schema before = base;
            History history = new History(List.copyOf(replayed), w.migrations(), m -> parsed.get(m.up()));
            for (int i = 0; i < w.migrations().size(); i++) {
                Migration m = w.migrations().get(i);
                watch(request, m, ChangeContext.Script.UP, parsed.get(m.up()), schema, base, end, history, raw::add);
                Schema afterUp = i == w.migrations().size() - 1 ? end : schema.copy();
                finishMigration(request, m, parsed, before, afterUp, base, end, history, raw::add);
                before = afterUp; // the next migration starts where this one's up ended: no second snapshot
            }
            replayed.addAll(w.migrations());
        }
        if (older == null) {
            older = request.window() == AnalysisRequest.Window.RANGE ? schema.copy() : new Schema(request.dialect());
        }
        Schema newer = schema;

        List<Migration> released = request.window() == AnalysisRequest.Window.RANGE ? request.older() : List.of();
        for (Rule rule : rules.applying(request.dialect())) {
            rule.onRange(new RangeContext(rule, request.serverVersion(), request.flyway(), raw::add, released, request.newer(),
                    range.migrations(), m -> parsed.get(m.up())));
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

    /** Ready-made statements (a Liquibase changeSet) when the migration has them, else the parsed script. */
    private List<ParsedStatement> statements(MigrationScript script, PreparedStatements prepared, AnalysisRequest request) {
        return prepared != null ? prepared.resolve(parser, request.dialect()) : parser.parse(script, request.dialect());
    }

    /** Replays the migration's down (on a copy) and lets the rules look at the migration as a whole. */
    private void finishMigration(AnalysisRequest request, Migration m, Map<MigrationScript, List<ParsedStatement>> parsed,
                                 Schema before, Schema afterUp, Schema base, Schema end, History history,
                                 FindingSink sink) {
        List<ParsedStatement> down = m.hasDown() ? parsed.get(m.down()) : null;
        Schema afterDown = null;
        if (down != null) {
            afterDown = afterUp.copy();
            watch(request, m, ChangeContext.Script.DOWN, down, afterDown, before, before, History.NONE, sink);
        }
        for (Rule rule : rules.applying(request.dialect())) {
            rule.onMigration(new MigrationContext(rule, request.serverVersion(), request.flyway(), sink, m, parsed.get(m.up()), down,
                    before, afterUp, afterDown, base, end, history));
        }
    }

    /** Replays statements into {@code live}, letting every rule see each change just before it applies. */
    private void watch(AnalysisRequest request, Migration m, ChangeContext.Script script, List<ParsedStatement> statements,
                       Schema live, Schema base, Schema end, History history, FindingSink sink) {
        for (ParsedStatement ps : statements) {
            for (Change change : ps.changes()) {
                for (Rule rule : rules.watching(request.dialect(), script)) {
                    rule.onChange(new ChangeContext(rule, request.serverVersion(), request.flyway(), sink, m, script, statements, ps, change, live,
                            base, end, history));
                }
                SchemaReplayer.apply(live, change);
            }
        }
    }

    /**
     * A table the window alters, drops or writes without ever creating it was created outside what
     * was replayed: it existed before the window, with rows and users. It joins the window's start
     * as a placeholder (columns unknown), so that rules see it as existing rather than as new. This
     * is also squawk's assumption about the tables a migration does not create. (DROP TABLE IF
     * EXISTS of an unknown table is left out: it says the table may well not exist.)
     */
    private static void adoptUncreatedTables(Schema schema, List<Migration> window,
                                             Map<MigrationScript, List<ParsedStatement>> parsed) {
        Schema scratch = schema.copy();
        List<String> uncreated = new ArrayList<>();
        for (Migration m : window) {
            for (ParsedStatement ps : parsed.get(m.up())) {
                for (Change change : ps.changes()) {
                    for (String table : TablesNamed.by(change)) {
                        if (scratch.relation(table) == null && !uncreated.contains(table)) {
                            uncreated.add(table);
                        }
                    }
                    SchemaReplayer.apply(scratch, change);
                }
            }
        }
        for (String name : uncreated) {
            schema.tables().putIfAbsent(name, new dev.migsafe.schema.Table(name, schema.newLineage(), false));
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
    private record Window(List<Migration> pre, List<Migration> migrations) {
    }
}
