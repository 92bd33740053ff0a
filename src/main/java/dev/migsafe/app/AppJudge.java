package dev.migsafe.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.migsafe.rules.Category;
import dev.migsafe.rules.Finding;
import dev.migsafe.rules.Severity;

/**
 * Judges the backward-compatibility findings by what the older release's code uses. A finding on an
 * object the code uses stays as it is and says where; on one it does not use, an error drops to a
 * warning that says what was scanned, unless an unresolved use of the code could touch the table.
 */
public final class AppJudge {
    /** Rules about a column the older release may name: rename, drop, incompatible type. */
    private static final Set<String> COLUMN_RULES = Set.of("BC102", "BC104", "BC105");
    /** Rules that break the older release's writes to the table (new NOT NULL, lost default, new constraint). */
    private static final Set<String> WRITE_RULES = Set.of("BC106", "BC107", "BC108", "BC109");
    /** Rules about the table itself: rename, drop. */
    private static final Set<String> TABLE_RULES = Set.of("BC101", "BC103");
    /** Evidence kept per finding: enough to act on, not a dump. */
    private static final int MAX_USAGE = 20;

    private AppJudge() {
    }

    public static List<Finding> apply(List<Finding> findings, AppUses app) {
        if (app == null || app.isEmpty()) {
            return findings;
        }
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            out.add(f.category() == Category.BACKWARD_COMPATIBILITY && f.object() != null ? judge(f, app) : f);
        }
        return out;
    }

    private static Finding judge(Finding f, AppUses app) {
        String object = f.object();
        String table;
        String what;
        List<Use> uses;
        if (COLUMN_RULES.contains(f.ruleId()) && object.contains(".")) {
            table = object.substring(0, object.lastIndexOf('.'));
            uses = app.ofColumn(table, object.substring(object.lastIndexOf('.') + 1));
            what = object;
        } else if (WRITE_RULES.contains(f.ruleId())) {
            table = f.ruleId().equals("BC109") || !object.contains(".") ? object : object.substring(0, object.lastIndexOf('.'));
            uses = app.ofTable(table, true);
            what = "writes to " + table;
        } else if (TABLE_RULES.contains(f.ruleId())) {
            table = object;
            uses = app.ofTable(table, false);
            what = table;
        } else {
            // BC110 and others: a view, function, sequence or type; used when its name appears anywhere
            String bare = object.toLowerCase(java.util.Locale.ROOT).substring(object.lastIndexOf('.') + 1);
            if (app.words().contains(bare) || f.severity() != Severity.ERROR) {
                return f;
            }
            return f.judgedByCode(Severity.WARNING, "no use of " + object + " in " + app.release() + "'s " + app.scanned()
                    + " (the name appears nowhere in its code); " + f.message(), List.of());
        }
        // one entry per place: a field maps its table and its column at the same line
        List<Finding.Usage> usage = uses.stream().map(u -> new Finding.Usage(u.file(), u.line(), u.kind(), u.text()))
                .distinct().limit(MAX_USAGE).toList();
        if (!uses.isEmpty()) {
            Use first = uses.get(0);
            String verb = first.kind().equals(Use.ENTITY) ? " maps " : " queries ";
            String more = usage.size() > 1 ? " (and " + (usage.size() - 1) + " more)" : "";
            return f.judgedByCode(f.severity(), app.release() + verb + what + ": " + first.file() + ":" + first.line()
                    + " " + first.text() + more + "; " + f.message(), usage);
        }
        if (f.severity() != Severity.ERROR) {
            return f;
        }
        List<Unresolved> unread = app.unread();
        if (!unread.isEmpty()) {
            return f.judgedByCode(f.severity(), "no resolved use of " + what + " in " + app.release() + "'s " + app.scanned()
                    + ", but " + unread.size() + " source file" + (unread.size() == 1 ? "" : "s") + " could not be read ("
                    + unread.stream().limit(3).map(Unresolved::file).collect(Collectors.joining(", ")) + "); " + f.message(),
                    List.of());
        }
        List<Unresolved> risky = app.couldTouch(table);
        if (!risky.isEmpty()) {
            String where = risky.stream().limit(3).map(u -> u.file() + ":" + u.line()).collect(Collectors.joining(", "));
            return f.judgedByCode(f.severity(), "no resolved use of " + what + " in " + app.release() + "'s " + app.scanned()
                    + ", but " + risky.size() + " SQL text" + (risky.size() == 1 ? "" : "s")
                    + " it could not resolve may touch " + table + " (" + where + "); " + f.message(), List.of());
        }
        String unresolved = app.unresolved().isEmpty() ? "" : "; " + app.unresolved().size()
                + " use" + (app.unresolved().size() == 1 ? "" : "s") + " could not be resolved and name no "
                + table + " (app.unresolved)";
        return f.judgedByCode(Severity.WARNING, "no use of " + what + " in " + app.release() + "'s " + app.scanned()
                + unresolved + ": its code does not depend on it, so the older release keeps working", List.of());
    }
}
