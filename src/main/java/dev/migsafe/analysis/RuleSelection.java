package dev.migsafe.analysis;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.migsafe.rules.ChangeContext.Script;
import dev.migsafe.rules.Rule;
import dev.migsafe.rules.RuleInfo;
import dev.migsafe.dialect.Dialect;

/**
 * Which rules run, read from their {@link RuleInfo}: a rule runs only on its dialects, and its
 * {@link Rule#onChange} sees only the changes of its scripts. Rules therefore need no guards of their own.
 * Worked out once per analyzer, in catalog order.
 */
final class RuleSelection {
    private final Map<Dialect, List<Rule>> byDialect = new EnumMap<>(Dialect.class);
    private final Map<Dialect, Map<Script, List<Rule>>> watching = new EnumMap<>(Dialect.class);

    RuleSelection(List<Rule> rules) {
        for (Dialect dialect : Dialect.values()) {
            List<Rule> applying = rules.stream().filter(r -> has(r.info().dialects(), dialect)).toList();
            byDialect.put(dialect, applying);
            Map<Script, List<Rule>> byScript = new EnumMap<>(Script.class);
            for (Script script : Script.values()) {
                byScript.put(script, applying.stream().filter(r -> has(r.info().scripts(), script)).toList());
            }
            watching.put(dialect, byScript);
        }
    }

    /** The rules that apply to this dialect: they see every migration and the range. */
    List<Rule> applying(Dialect dialect) {
        return byDialect.get(dialect);
    }

    /** Of those, the rules shown the changes of this script. */
    List<Rule> watching(Dialect dialect, Script script) {
        return watching.get(dialect).get(script);
    }

    private static <T> boolean has(T[] values, T value) {
        return Arrays.asList(values).contains(value);
    }
}
