package dev.migsafe.rules.compat;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import dev.migsafe.change.Change;
import dev.migsafe.rules.Category;
import dev.migsafe.rules.ChangeContext;
import dev.migsafe.rules.DatabaseErrors;
import dev.migsafe.rules.OlderRelease;
import dev.migsafe.rules.Rule;
import dev.migsafe.rules.RuleInfo;
import dev.migsafe.rules.Severity;
import dev.migsafe.schema.Relation;
import dev.migsafe.schema.SchemaReplayer;
import dev.migsafe.schema.UserType;
import dev.migsafe.schema.View;
import dev.migsafe.source.Migration;
import dev.migsafe.sql.ParsedStatement;

/**
 * A view, function, sequence, type or enum value of the older release dropped or renamed. Not a
 * break when the end of the window has it again under the old name with what the older release
 * used (the usual "drop and re-create the view" or "replace the function" pattern), nor for a
 * trigger function ({@code RETURNS trigger}), which no application calls.
 */
@RuleInfo(id = DropOrRenameDependentObjectRule.ID, name = "drop-or-rename-dependent-object", category = Category.BACKWARD_COMPATIBILITY,
        severity = Severity.ERROR,
        summary = "A view, function, sequence, type or enum value the older release uses is dropped or renamed.",
        fix = "Keep the old object until no release you may roll back to uses it: create the new one next to it "
                + "(new name, new function version), move callers, and drop the old one in a later release.")
public final class DropOrRenameDependentObjectRule implements Rule {
    public static final String ID = "BC110";

    @Override
    public void onChange(ChangeContext ctx) {
        Change change = ctx.change();
        if (change instanceof Change.DropView c) {
            view(ctx, c.name(), "dropped");
        } else if (change instanceof Change.RenameView c) {
            view(ctx, c.from(), "renamed to " + c.to());
        } else if (change instanceof Change.RenameTable c && ctx.before().table(c.from()) == null) {
            view(ctx, c.from(), "renamed to " + c.to()); // ALTER TABLE / RENAME TABLE on a view
        } else if (change instanceof Change.DropFunction c) {
            function(ctx, c.name(), c.arguments(), "dropped");
        } else if (change instanceof Change.RenameFunction c) {
            function(ctx, c.from(), null, "renamed to " + c.to());
        } else if (change instanceof Change.DropSequence c) {
            sequence(ctx, c.name(), "dropped");
        } else if (change instanceof Change.RenameSequence c) {
            sequence(ctx, c.from(), "renamed to " + c.to());
        } else if (change instanceof Change.DropType c) {
            type(ctx, c.name(), "dropped");
        } else if (change instanceof Change.RenameType c) {
            type(ctx, c.from(), "renamed to " + c.to());
        } else if (change instanceof Change.RenameEnumValue c) {
            enumValue(ctx, c);
        }
    }

    private static void view(ChangeContext ctx, String name, String what) {
        View old = OlderRelease.view(ctx, name);
        if (old == null || !old.name().equals(name) || viewStillServed(ctx, old)) {
            return;
        }
        ctx.report(name, "the older release may still query view " + name + "; once it is " + what
                + " those queries fail with " + DatabaseErrors.missingTable(ctx.dialect(), name));
    }

    /** Same name at the end, with every column the older release saw, passing the same data. */
    private static boolean viewStillServed(ChangeContext ctx, View old) {
        Relation now = ctx.end().relation(old.name());
        if (now == null) {
            return false;
        }
        for (String column : old.columnNames()) {
            long lineage = old.columnLineage(column);
            if (!now.columnNames().contains(column) || (lineage != -1 && now.columnLineage(column) != lineage)) {
                return false;
            }
        }
        return true;
    }

    private static void function(ChangeContext ctx, String name, String arguments, String what) {
        if (!OlderRelease.hasFunction(ctx, name) || triggerFunction(ctx, name, arguments)) {
            return;
        }
        Set<String> atEnd = ctx.end().functions().get(name);
        if (atEnd != null && (arguments == null || atEnd.contains(SchemaReplayer.signature(arguments))
                || atEnd.contains(""))) {
            return; // dropped and created again
        }
        String shown = arguments == null ? name : name + "(" + arguments + ")";
        ctx.report(name, "the older release may still call function " + shown + "; once it is " + what
                + " those calls fail with " + DatabaseErrors.missingFunction(ctx.dialect(), name));
    }

    /**
     * The older release's function(s) of this name that the change names are trigger functions
     * ({@code RETURNS trigger}): only triggers call them, never an application, so dropping or renaming
     * them (with their triggers, or after them) does not break the older release's code. Read from the
     * older history's definitions, the last one of each signature standing; a function whose
     * definition migsafe never saw is not one.
     */
    private static boolean triggerFunction(ChangeContext ctx, String name, String arguments) {
        Map<String, Boolean> definitions = new HashMap<>(); // signature -> returns trigger
        for (Migration m : ctx.history().older()) {
            for (ParsedStatement ps : ctx.history().upStatements(m)) {
                for (Change ch : ps.changes()) {
                    if (ch instanceof Change.CreateFunction f && f.name().equals(name)) {
                        definitions.put(SchemaReplayer.signature(f.arguments()), f.returnsTrigger());
                    } else if (ch instanceof Change.DropFunction d && d.name().equals(name)) {
                        if (d.arguments() == null) {
                            definitions.clear();
                        } else {
                            definitions.remove(SchemaReplayer.signature(d.arguments()));
                        }
                    } else if (ch instanceof Change.RenameFunction r && (r.from().equals(name) || r.to().equals(name))) {
                        definitions.clear();
                        if (r.to().equals(name)) {
                            definitions.put("?", false); // renamed in: its definition is under another name
                        }
                    }
                }
            }
        }
        if (definitions.isEmpty()) {
            return false;
        }
        Boolean named = arguments == null ? null : definitions.get(SchemaReplayer.signature(arguments));
        return named != null ? named : definitions.values().stream().allMatch(Boolean::booleanValue);
    }

    private static void sequence(ChangeContext ctx, String name, String what) {
        String old = OlderRelease.sequence(ctx, name);
        if (old == null || !old.equals(name) || ctx.end().sequences().containsKey(name)) {
            return;
        }
        ctx.report(name, "the older release may still draw values from sequence " + name + " (nextval, defaults); "
                + "once it is " + what + " those inserts fail with " + DatabaseErrors.missingTable(ctx.dialect(), name));
    }

    private static void type(ChangeContext ctx, String name, String what) {
        UserType old = OlderRelease.type(ctx, name);
        if (old == null || !old.name().equals(name)) {
            return;
        }
        UserType atEnd = ctx.end().types().get(name);
        if (atEnd != null && atEnd.values().containsAll(old.values())) {
            return;
        }
        ctx.report(name, "the older release may still use type " + name + " (casts such as '...'::" + name
                + ", function arguments); once it is " + what + " those statements fail with 'type \"" + name
                + "\" does not exist'");
    }

    private static void enumValue(ChangeContext ctx, Change.RenameEnumValue c) {
        UserType old = OlderRelease.type(ctx, c.type());
        if (old == null || !old.values().contains(c.from())) {
            return;
        }
        UserType atEnd = ctx.end().types().get(old.name());
        if (atEnd != null && atEnd.values().contains(c.from())) {
            return;
        }
        ctx.report(c.type(), "the older release still writes and compares the value '" + c.from() + "' of type "
                + c.type() + "; after it is renamed to '" + c.to() + "' its writes fail with 'invalid input value "
                + "for enum " + c.type() + ": \"" + c.from() + "\"' and its comparisons no longer match");
    }
}
