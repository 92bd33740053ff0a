package dev.migsafe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.migsafe.source.git.TestRepo;
import dev.migsafe.test.Corpus;
import dev.migsafe.test.UsesCorpus;

/**
 * Keycloak 13.0.0 -> 12.0.4, judged by 12.0.4's own JPA entities: the two releases of
 * {@code ../shared/corpus/java-apps/keycloak} committed as two tags of a temporary git repository
 * (changelogs and sources as upstream has them; the master changelog is placed where its
 * {@code META-INF/...} includes resolve). Every backward-compatibility error of the range is on a
 * table or column 12.0.4's entities map, and says which entity and line.
 */
@UsesCorpus
class KeycloakRangeCorpusTest {
    @TempDir
    Path tmp;

    @Test
    void everyBreakingChangeOfThirteenIsOnSomethingTwelvesEntitiesMap() throws IOException {
        Path keycloak = Corpus.require("java-apps/keycloak");
        try (TestRepo repo = TestRepo.init(tmp.resolve("keycloak"))) {
            repo.write("migsafe.yaml", "dialect: postgresql\nmigrations:\n  - path: changelog/jpa-changelog-master.xml\n"
                    + "    format: liquibase\n");
            for (String release : List.of("12.0.4", "13.0.0")) {
                Path dir = keycloak.resolve(release);
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path f : files.filter(Files::isRegularFile).toList()) {
                        repo.write(dir.relativize(f).toString().replace('\\', '/'), Files.readString(f));
                    }
                }
                repo.write("changelog/jpa-changelog-master.xml",
                        Files.readString(dir.resolve("changelog/META-INF/jpa-changelog-master.xml")));
                repo.commit(release).getId();
                repo.tag(release);
            }
            CliRun run = CliRun.of("can-rollback", "13.0.0", "12.0.4", "--project", repo.dir().toString(), "--verify", "none",
                    "--format", "json");
            assertEquals(1, run.exitCode(), run::toString);
            JsonNode json = run.json();
            JsonNode app = json.get("app");
            assertEquals(57, app.get("entities").asInt(), app::toString);
            List<String> errors = new ArrayList<>();
            for (JsonNode f : json.get("findings")) {
                if (!f.get("ruleId").asText().startsWith("BC")) {
                    continue;
                }
                JsonNode usage = f.get("usage");
                System.out.printf("keycloak 13.0.0 -> 12.0.4: %s %s %s: %s%n", f.get("ruleId").asText(),
                        f.get("severity").asText(), f.get("object").asText(),
                        usage == null ? "no use in 12.0.4" : usage.get(0).get("file").asText() + ":" + usage.get(0).get("line").asInt());
                if (f.get("severity").asText().equals("error")) {
                    errors.add(f.get("object").asText());
                    assertTrue(usage != null && usage.get(0).get("kind").asText().equals("entity"), f::toString);
                    assertTrue(usage.get(0).get("file").asText().contains("/jpa/entities/"), f::toString);
                }
            }
            System.out.printf("keycloak 13.0.0 -> 12.0.4: %s, app %s%n", json.get("summary"), app.get("files"));
            assertEquals(List.of("client_default_roles", "realm_attribute.value", "realm_default_roles"),
                    errors.stream().sorted().toList());
        }
    }
}
