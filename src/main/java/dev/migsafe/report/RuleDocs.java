package dev.migsafe.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.migsafe.rules.RuleInfo;

/** The rule pages of {@code rules/}, as packaged on the classpath ({@code /rules/ID.md}). */
public final class RuleDocs {
    private static final Map<String, Optional<String>> CACHE = new ConcurrentHashMap<>();

    private RuleDocs() {
    }

    /** The Markdown page of a rule, when packaged. */
    public static Optional<String> page(String ruleId) {
        return CACHE.computeIfAbsent(ruleId, RuleDocs::load);
    }

    /** The page, or a short text built from the rule's metadata when the page is not packaged. */
    public static String pageOrSummary(RuleInfo i) {
        return page(i.id()).orElse(i.id() + " " + i.name() + " (" + i.category().id() + ", " + i.severity().id()
                + ")\n" + i.summary() + "\nFix: " + i.fix() + "\n");
    }

    private static Optional<String> load(String ruleId) {
        try (InputStream in = RuleDocs.class.getResourceAsStream("/rules/" + ruleId + ".md")) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
