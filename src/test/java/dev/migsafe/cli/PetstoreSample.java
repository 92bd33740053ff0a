package dev.migsafe.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Spring Boot sample's git history (v1.0.0 to v1.3.0), built once per test JVM by the sample's own
 * script, as the README tells users to.
 */
final class PetstoreSample {
    static final Path SAMPLE = Path.of("sample-migrations", "petstore-spring");
    private static Path history;

    private PetstoreSample() {
    }

    static synchronized Path history() {
        if (history == null) {
            try {
                Path dir = Files.createTempDirectory("migsafe-petstore-");
                Files.delete(dir);
                ScriptRun.ok(ScriptRun.REPO, "bash", SAMPLE.resolve("build-history.sh").toString(), dir.toString());
                history = dir;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return history;
    }

    private static void delete(Path dir) {
        try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind
        }
    }

    static CliRun canRollback(String from, String to, String... more) {
        String[] args = new String[7 + more.length];
        String[] head = {"can-rollback", from, to, "--project", history().toString(), "--format", "json"};
        System.arraycopy(head, 0, args, 0, head.length);
        System.arraycopy(more, 0, args, head.length, more.length);
        return CliRun.of(args);
    }

    static JsonNode finding(JsonNode report, String ruleId, String object) {
        for (JsonNode f : report.get("findings")) {
            if (f.get("ruleId").asText().equals(ruleId) && object.equals(f.path("object").asText())) {
                return f;
            }
        }
        throw new AssertionError("no " + ruleId + " on " + object + " in " + report.get("findings"));
    }
}
