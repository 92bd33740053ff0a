package dev.migsafe.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The catalog is complete and consistent, and every rule has its page in rules/ (and every page a rule). */
class RuleCatalogTest {
    private static final Path PAGES = Path.of("rules");

    /** A row of the index: | [BC102](BC102.md) | rename-column | error | what it flags | */
    private static final Pattern INDEX_ROW = Pattern.compile("^\\| \\[([A-Z]{2}[0-9]{3})]\\(\\1\\.md\\) \\| ([^|]+?) \\| ([^|]+?) \\|",
            Pattern.MULTILINE);

    /** The index, rules/README.md, lists exactly the catalog's rules, each under its name and default severity. */
    @Test
    void catalogIsTheIndexOfRulesReadme() throws IOException {
        Map<String, String> indexed = new TreeMap<>();
        Matcher row = INDEX_ROW.matcher(Files.readString(PAGES.resolve("README.md")));
        while (row.find()) {
            assertNull(indexed.put(row.group(1), row.group(2) + " " + row.group(3)), "listed twice: " + row.group(1));
        }
        Map<String, String> catalog = new TreeMap<>();
        for (Rule r : RuleCatalog.all()) {
            catalog.put(r.info().id(), r.info().name() + " " + r.info().severity().id());
        }
        assertFalse(indexed.isEmpty(), "no rows read from rules/README.md");
        assertEquals(indexed, catalog, "rules/README.md rows (ID, name, default) against RuleCatalog");
        assertEquals(catalog.size(), RuleCatalog.all().size(), "IDs are unique");
    }

    @Test
    void metadataIsWellFormed() {
        Set<String> names = new TreeSet<>();
        for (Rule r : RuleCatalog.all()) {
            RuleInfo i = r.info();
            assertTrue(i.name().matches("[a-z]+(-[a-z]+)*"), i.id() + " name is kebab-case: " + i.name());
            assertTrue(names.add(i.name()), "names are unique: " + i.name());
            assertFalse(i.summary().isBlank(), i.id());
            assertFalse(i.fix().isBlank(), i.id());
            Category expected = switch (i.id().substring(0, 2)) {
                case "BC" -> Category.BACKWARD_COMPATIBILITY;
                case "DL" -> Category.DATA_LOSS;
                case "RB" -> Category.ROLLBACK;
                case "HS" -> Category.HISTORY;
                case "PS" -> Category.PARSE;
                case "CF" -> Category.CONFIGURATION;
                case "LK" -> Category.LOCKING;
                default -> throw new AssertionError("unknown prefix " + i.id());
            };
            assertEquals(expected, i.category(), i.id());
        }
        assertEquals(RuleCatalog.byId("bc102").orElseThrow().info().name(), "rename-column");
    }

    @Test
    void everyRuleHasAPageThatMatchesItsMetadata() throws IOException {
        for (Rule r : RuleCatalog.all()) {
            RuleInfo i = r.info();
            Path page = PAGES.resolve(i.id() + ".md");
            assertTrue(Files.isRegularFile(page), "missing page " + page);
            String text = Files.readString(page);
            assertTrue(text.startsWith("# " + i.id() + " " + i.name() + "\n"), page + " starts with its title");
            assertTrue(text.contains("| Category | " + i.category().id() + " |"), page + " category");
            assertTrue(text.contains("| Default severity | " + i.severity().id() + " |"), page + " severity");
            String dialects = String.join(", ", java.util.Arrays.stream(i.dialects())
                    .map(d -> d == dev.migsafe.dialect.Dialect.POSTGRESQL ? "PostgreSQL" : "MySQL/MariaDB").toList());
            assertTrue(text.contains("| Dialects | " + dialects + " |"), page + " dialects: " + dialects);
            for (String section : List.of("## Why it matters", "## Bad", "## Safe alternative", "## Suppress")) {
                assertTrue(text.contains(section), page + " lacks " + section);
            }
            assertTrue(Files.readString(PAGES.resolve("README.md")).contains("[" + i.id() + "](" + i.id() + ".md)"),
                    "rules/README.md links " + i.id());
        }
    }

    @Test
    void everyPageHasARule() throws IOException {
        try (Stream<Path> files = Files.list(PAGES)) {
            List<String> orphans = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("[A-Z]{2}[0-9]{3}\\.md")) // README and the peer mappings are no rule pages
                    .map(n -> n.substring(0, n.length() - 3))
                    .filter(id -> RuleCatalog.byId(id).isEmpty())
                    .toList();
            assertEquals(List.of(), orphans, "pages without a rule in RuleCatalog");
        }
    }
}
