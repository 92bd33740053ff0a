package dev.migsafe.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.migsafe.config.ProjectConfig;
import dev.migsafe.dialect.Dialect;
import dev.migsafe.source.DirectoryTree;
import dev.migsafe.test.Corpus;
import dev.migsafe.test.UsesCorpus;

/**
 * Extraction measured on a real application: the JPA model of two Keycloak releases
 * ({@code ../shared/corpus/java-apps/keycloak}). Every {@code @Entity} class must be read, and every
 * table and column the sources name in {@code @Table}, {@code @Column}, {@code @JoinColumn},
 * {@code @JoinTable} and {@code @CollectionTable} must be among the uses found. The ground truth is
 * a plain text scan of the annotations (the test's yardstick, not the reader's method).
 */
@UsesCorpus
class KeycloakAppCorpusTest {
    private static final Pattern TABLE = Pattern.compile("@(?:Table|JoinTable|CollectionTable)\\(\\s*name\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern COLUMN = Pattern.compile("@(?:Column|JoinColumn)\\((?:[^)]*?\\b)?name\\s*=\\s*\"([^\"]+)\"");

    @ParameterizedTest
    @ValueSource(strings = {"12.0.4", "13.0.0"})
    void everyEntityTableAndColumnIsFound(String release) throws IOException {
        Path src = Corpus.require("java-apps/keycloak/" + release + "/src");
        long started = System.nanoTime();
        AppUses uses = new AppReader(Dialect.POSTGRESQL).read(new DirectoryTree(src, src), release,
                ProjectConfig.App.NONE, Set.of());
        long ms = (System.nanoTime() - started) / 1_000_000;

        Set<String> tablesWritten = new TreeSet<>();
        Set<String> columnsWritten = new TreeSet<>();
        int entityFiles = 0;
        try (Stream<Path> files = Files.walk(src)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = Files.readString(p);
                if (text.contains("@Entity")) {
                    entityFiles++;
                }
                collect(TABLE, text, tablesWritten);
                collect(COLUMN, text, columnsWritten);
            }
        }
        Set<String> tablesFound = new TreeSet<>();
        Set<String> columnsFound = new TreeSet<>();
        uses.uses().forEach(u -> {
            tablesFound.add(u.table());
            if (u.column() != null) {
                columnsFound.add(u.column());
            }
        });
        Set<String> missingTables = new TreeSet<>(tablesWritten);
        missingTables.removeAll(tablesFound);
        Set<String> missingColumns = new TreeSet<>(columnsWritten);
        missingColumns.removeAll(columnsFound);
        long entityUses = uses.uses().stream().filter(u -> u.kind().equals(Use.ENTITY)).count();
        System.out.printf("keycloak %s: %d files, %d entities (%d files with @Entity), %d tables, %d uses from entities,"
                        + " %d SQL strings, %d unresolved, %d ms; tables named in annotations %d (missing %s),"
                        + " columns named %d (missing %s)%n", release, uses.files(), uses.entities(), entityFiles,
                tablesFound.size(), entityUses, uses.sqlStrings(), uses.unresolved().size(), ms, tablesWritten.size(),
                missingTables, columnsWritten.size(), missingColumns);
        uses.unresolved().forEach(u -> System.out.println("  unresolved " + u));

        assertEquals(57, uses.entities(), "every @Entity class of the persistence unit");
        assertTrue(missingTables.isEmpty(), "tables named but not found: " + missingTables);
        assertTrue(missingColumns.isEmpty(), "columns named but not found: " + missingColumns);
        // the realm's name, mapped by RealmEntity, with its location
        Use realmName = uses.ofColumn("realm", "name").stream().filter(u -> u.kind().equals(Use.ENTITY)).findFirst()
                .orElseThrow(() -> new AssertionError("realm.name not mapped"));
        assertTrue(realmName.file().endsWith("org/keycloak/models/jpa/entities/RealmEntity.java"), realmName::toString);
    }

    private static void collect(Pattern pattern, String text, Set<String> out) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            out.add(m.group(1).toLowerCase(Locale.ROOT));
        }
    }
}
