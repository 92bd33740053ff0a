package dev.migsafe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import dev.migsafe.report.SarifSchema;

/**
 * The composite action of action.yml, its migsafe step run as a runner would: inputs turned into the
 * step's environment from action.yml itself, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY and GITHUB_BASE_REF
 * set, in a real clone whose origin has the pull request's base branch. (The setup-java step is the
 * runner's; migsafe comes from the classes under test through MIGSAFE.)
 */
class GitHubActionTest {
    private static final Pattern INPUT = Pattern.compile("\\$\\{\\{\\s*inputs\\.([a-z-]+)\\s*}}");
    private static final JsonNode ACTION = action();

    @TempDir
    Path work;
    private Path clone;
    private Path launcher;

    @BeforeEach
    void pullRequest() throws Exception {
        launcher = ScriptRun.migsafeLauncher(work);
        Path origin = work.resolve("origin.git");
        ScriptRun.ok(work, "git", "init", "-q", "--bare", "-b", "main", origin.toString());
        Path seed = work.resolve("seed");
        ScriptRun.ok(work, "git", "clone", "-q", origin.toString(), seed.toString());
        Files.createDirectories(seed.resolve("db/migration"));
        Files.writeString(seed.resolve("db/migration/V1__customers.sql"),
                "CREATE TABLE customers (id bigint PRIMARY KEY, name text);\n");
        ScriptRun.ok(seed, "git", "add", ".");
        ScriptRun.ok(seed, "git", "commit", "-q", "-m", "v1");
        ScriptRun.ok(seed, "git", "push", "-q", "origin", "main");
        clone = work.resolve("checkout");
        ScriptRun.ok(work, "git", "clone", "-q", origin.toString(), clone.toString());
        ScriptRun.ok(clone, "git", "checkout", "-q", "-b", "feature");
    }

    @Test
    void pullRequestWithABreakingMigration() throws Exception {
        Files.writeString(clone.resolve("db/migration/V2__rename.sql"),
                "ALTER TABLE customers RENAME COLUMN name TO full_name;\n");
        Step step = runStep(Map.of());
        assertEquals(1, step.run.exitCode(), step.run.output());
        assertEquals("NO_GO", step.outputs.get("verdict"));
        assertEquals("1", step.outputs.get("exit-code"));
        assertEquals("migsafe-reports", step.outputs.get("report-dir"));
        assertEquals("migsafe-reports/migsafe-report.sarif", step.outputs.get("sarif-file"));
        JsonNode sarif = SarifSchema.validSarif(Files.readString(clone.resolve(step.outputs.get("sarif-file"))));
        assertEquals("BC102", sarif.get("runs").get(0).get("results").get(0).get("ruleId").asText());
        assertTrue(Files.exists(clone.resolve("migsafe-reports/migsafe-report.html")), "the default formats");
        assertTrue(step.summary.startsWith("## ❌ migsafe: NO_GO"), step.summary);
        assertTrue(step.run.output().contains("::error file=db/migration/V2__rename.sql,line=1,title=BC102"),
                "annotations on the pull request's lines: " + step.run.output());
        // only the new migration is judged: --base origin/main, fetched by the clone
        assertFalse(step.run.output().contains("V1__customers.sql,"), step.run.output());
    }

    @Test
    void safePullRequestIsGo() throws Exception {
        Files.writeString(clone.resolve("db/migration/V2__phone.sql"), "ALTER TABLE customers ADD COLUMN phone text;\n");
        Step step = runStep(Map.of("formats", "codequality"));
        assertEquals(0, step.run.exitCode(), step.run.output());
        assertEquals("GO", step.outputs.get("verdict"));
        assertEquals("", step.outputs.get("sarif-file"), "sarif not asked for");
        assertTrue(Files.exists(clone.resolve("migsafe-reports/migsafe-codequality.json")));
    }

    @Test
    void baseBranchMissingLocallyIsFetched() throws Exception {
        ScriptRun.ok(clone, "git", "update-ref", "-d", "refs/remotes/origin/main");
        Files.writeString(clone.resolve("db/migration/V2__rename.sql"),
                "ALTER TABLE customers RENAME COLUMN name TO full_name;\n");
        Step step = runStep(Map.of());
        assertEquals("NO_GO", step.outputs.get("verdict"), step.run.output());
    }

    @Test
    void badInputIsExitTwoWithOutputsAndSummary() throws Exception {
        Step step = runStep(Map.of("fail-on", "sometimes"));
        assertEquals(2, step.run.exitCode(), step.run.output());
        assertEquals("2", step.outputs.get("exit-code"));
        assertEquals("", step.outputs.get("verdict"));
        assertTrue(step.summary.contains("could not run (exit code 2)"), step.summary);
    }

    @Test
    void namesFromThePullRequestNeverBecomeWorkflowCommands() throws Exception {
        Files.writeString(clone.resolve("db/migration/V2__drop.sql"),
                "ALTER TABLE customers DROP COLUMN \"x\n::error::pwned\n::add-mask::y\";\n"
                        + "ALTER TABLE customers RENAME COLUMN name TO \"n\r::set-output name=verdict::GO\";\n");
        Step step = runStep(Map.of("fail-on", "never"));
        assertEquals(0, step.run.exitCode(), step.run.output());
        boolean stopped = false;
        for (String line : step.run.output().split("\r\n|\r|\n")) {
            if (line.matches("::stop-commands::[0-9a-f]{32}")) {
                stopped = true;
            } else if (stopped && line.matches("::[0-9a-f]{32}::")) {
                stopped = false;
            } else if (!stopped && line.startsWith("::")) {
                assertTrue(line.matches("::(error|warning|notice) file=db/migration/V2__drop\\.sql,.*"), line);
                assertFalse(line.contains("\n") || line.contains("::error::pwned"), line);
            }
        }
        assertEquals(List.of("verdict", "exit-code", "report-dir", "sarif-file", "markdown-file", "json-file"),
                List.copyOf(step.outputs.keySet()), "nothing else reached GITHUB_OUTPUT");
    }

    @Test
    void actionReadsOnlyDeclaredInputsAndExposesTheStepsOutputs() {
        JsonNode steps = ACTION.get("runs").get("steps");
        assertEquals("composite", ACTION.get("runs").get("using").asText());
        String all = steps.toString();
        Matcher m = INPUT.matcher(all);
        while (m.find()) {
            assertTrue(ACTION.get("inputs").has(m.group(1)), "undeclared input " + m.group(1));
        }
        assertFalse(step().get("run").asText().contains("${{"), "inputs reach the script only through env");
        ACTION.get("outputs").fields().forEachRemaining(o -> assertEquals(
                "${{ steps.migsafe.outputs." + o.getKey() + " }}", o.getValue().get("value").asText()));
    }

    private record Step(ScriptRun run, Map<String, String> outputs, String summary) {
    }

    /** Runs the action's migsafe step with its inputs (defaults from action.yml, then {@code inputs}). */
    private Step runStep(Map<String, String> inputs) throws Exception {
        Path output = Files.createFile(work.resolve("github_output"));
        Path summary = Files.createFile(work.resolve("step_summary"));
        Map<String, String> env = new HashMap<>();
        step().get("env").fields().forEachRemaining(e -> {
            Matcher m = INPUT.matcher(e.getValue().asText());
            assertTrue(m.matches(), e.toString());
            String name = m.group(1);
            env.put(e.getKey(), inputs.getOrDefault(name, ACTION.get("inputs").get(name).get("default").asText()));
        });
        env.putAll(Map.of("GITHUB_ACTIONS", "true", "GITHUB_OUTPUT", output.toString(),
                "GITHUB_STEP_SUMMARY", summary.toString(), "GITHUB_BASE_REF", "main", "GITHUB_EVENT_NAME", "pull_request",
                "GITHUB_ACTION_PATH", ScriptRun.REPO.toString(), "MIGSAFE", launcher.toString()));
        ScriptRun run = ScriptRun.run(clone, env, List.of(step().get("shell").asText(), "-c", step().get("run").asText()));
        Map<String, String> outputs = new LinkedHashMap<>();
        for (String line : Files.readAllLines(output)) {
            int eq = line.indexOf('=');
            outputs.put(line.substring(0, eq), line.substring(eq + 1));
        }
        return new Step(run, outputs, Files.readString(summary));
    }

    private static JsonNode step() {
        for (JsonNode s : ACTION.get("runs").get("steps")) {
            if ("migsafe".equals(s.path("id").asText())) {
                return s;
            }
        }
        throw new AssertionError("no step with id migsafe in action.yml");
    }

    private static JsonNode action() {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(ScriptRun.REPO.resolve("action.yml").toFile());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
