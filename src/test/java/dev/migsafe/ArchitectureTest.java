package dev.migsafe;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;

/**
 * The package structure, pinned: the top-level packages under {@code dev.migsafe} form no cycle, and
 * each may only be used by the layers above it. Bottom to top, as data flows through an analysis:
 * <ol>
 *   <li>{@code dev.migsafe} itself ({@code BadInputException}, {@code AtomicFiles}), {@code secret}
 *   (masking credentials), {@code dialect} (the SQL dialects), {@code change} (the parsed change
 *   model);</li>
 *   <li>{@code sql}: splitting and reading scripts ({@code MigrationScript}) into changes;</li>
 *   <li>{@code tool}: the migration tools (Flyway, Liquibase, golang-migrate, dbmate, diesel, plain SQL);</li>
 *   <li>{@code source}: finding and reading migrations from a directory or a git ref;</li>
 *   <li>{@code schema}: replaying changes into a schema;</li>
 *   <li>{@code rules}: the rules and their findings;</li>
 *   <li>{@code config}: {@code migsafe.yaml} (it names rules and severities) and the releases it selects;</li>
 *   <li>{@code app}: the older release's code, read for the tables and columns it uses;</li>
 *   <li>{@code analysis}: running the rules over a range;</li>
 *   <li>{@code verify}: applying the range to a scratch database;</li>
 *   <li>{@code verdict}: the deploy strategy from the findings and the verification;</li>
 *   <li>{@code baseline}, then {@code report} (it prints baseline fingerprints), then {@code plan};</li>
 *   <li>{@code cli}: the commands.</li>
 * </ol>
 * A strict order even where two packages could sit side by side: it is what the code does today, and
 * a new edge against it should be a decision, not an accident. Layers not present yet are optional.
 */
class ArchitectureTest {
    /** Bottom to top; each layer may be used only by the layers after it. */
    private static final List<String> LAYERS = List.of("root", "secret", "dialect", "change", "sql", "tool",
            "source", "schema", "rules", "config", "app", "analysis", "verify", "verdict", "baseline", "report", "plan",
            "cli");

    private static final JavaClasses MAIN_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.migsafe");

    @Test
    void topLevelPackagesHaveNoCycles() {
        slices().matching("dev.migsafe.(*)..").should().beFreeOfCycles().check(MAIN_CLASSES);
    }

    @Test
    void layersOnlyUseTheLayersBelow() {
        LayeredArchitecture layers = layeredArchitecture().consideringOnlyDependenciesInLayers().withOptionalLayers(true);
        for (String layer : LAYERS) {
            layers = layers.layer(layer).definedBy(layer.equals("root") ? "dev.migsafe" : "dev.migsafe." + layer + "..");
        }
        for (int i = 0; i < LAYERS.size() - 1; i++) {
            String[] above = LAYERS.subList(i + 1, LAYERS.size()).toArray(String[]::new);
            layers = layers.whereLayer(LAYERS.get(i)).mayOnlyBeAccessedByLayers(above);
        }
        layers.check(MAIN_CLASSES);
    }
}
