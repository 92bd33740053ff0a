package dev.migsafe.rules;

import java.util.List;
import java.util.Optional;

/** Every rule migsafe runs, in catalog order. Add a new rule here and give it a page in rules/. */
public final class RuleCatalog {
    private static final List<Rule> ALL = List.of(
            // backward-compatibility (BC1xx), data-loss (DL2xx), rollback (RB3xx), history (HS4xx),
            // parse (PS5xx), configuration (CF7xx)
    );

    private RuleCatalog() {
    }

    public static List<Rule> all() {
        return ALL;
    }

    public static Optional<Rule> byId(String id) {
        return ALL.stream().filter(r -> r.info().id().equalsIgnoreCase(id)).findFirst();
    }
}
