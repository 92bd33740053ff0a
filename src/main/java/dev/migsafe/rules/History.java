package dev.migsafe.rules;

import java.util.List;
import java.util.function.Function;

import dev.migsafe.source.Migration;
import dev.migsafe.sql.ParsedStatement;

/**
 * The migrations around a change, with their parsed up scripts: those the older release ran (what was
 * replayed into {@link ChangeContext#base()}), oldest first, and those of the window being checked,
 * in order. For rules that judge by the history of an object (how an older migration left a table)
 * or by what the rest of the window does to it.
 */
public final class History {
    /** No history known (a context built without one). */
    public static final History NONE = new History(List.of(), List.of(), m -> List.of());

    private final List<Migration> older;
    private final List<Migration> window;
    private final Function<Migration, List<ParsedStatement>> upStatements;

    public History(List<Migration> older, List<Migration> window, Function<Migration, List<ParsedStatement>> upStatements) {
        this.older = older;
        this.window = window;
        this.upStatements = upStatements;
    }

    /** The migrations the older release ran, oldest first (in a per-migration analysis: those before the window). */
    public List<Migration> older() { return older; }

    /** The migrations of the window, in the order they run. */
    public List<Migration> window() { return window; }

    /** The parsed up script of a migration of either list. */
    public List<ParsedStatement> upStatements(Migration m) {
        List<ParsedStatement> statements = upStatements.apply(m);
        return statements == null ? List.of() : statements;
    }
}
