package dev.migsafe.fuzz;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migsafe.fuzz.OutputChecks.Failure;
import dev.migsafe.test.Corpus;
import dev.migsafe.test.UsesCorpus;

/**
 * A pull request is untrusted input: seeded, deterministic fuzzing of the CLI with mutated corpus
 * migrations (truncation, token deletion and duplication, unbalanced quotes and dollar quotes,
 * CR/CRLF/BOM, NUL bytes, deep nesting, long operator chains) and hand-made hostile projects (file
 * names, symlinks, Liquibase changelogs, {@code migsafe.yaml}). Every case must keep the properties of
 * {@link OutputChecks}; all failing cases are reported, grouped by {@link FailureKind}, each with a
 * one-line reproduction.
 *
 * <p>System properties: {@code migsafe.fuzz.seed} (default {@value #DEFAULT_SEED}), {@code migsafe.fuzz.cases}
 * (default {@value #DEFAULT_CASES}), {@code migsafe.fuzz.case} (run that one case and keep its folder under
 * {@code target/fuzz-case-N}), {@code migsafe.corpus} (default {@code ../shared/corpus}). Without the corpus
 * the test is skipped, or fails when {@code MIGSAFE_REQUIRE_CORPUS=true} (CI).
 */
@UsesCorpus
class HostileInputFuzzTest {
    static final long DEFAULT_SEED = 20261210L;
    static final int DEFAULT_CASES = 2000;
    private static final Duration CASE_TIMEOUT = Duration.ofSeconds(20);
    private static final int EXAMPLES_PER_KIND = 3;

    private record Failed(FuzzCase fuzzCase, Failure failure) {
    }

    @Test
    void hostileInputsNeitherCrashNorLeak(@TempDir Path root) throws Exception {
        Corpus.require("."); // skips without the corpus, fails in CI (MIGSAFE_REQUIRE_CORPUS=true)
        FuzzCorpus corpus = FuzzCorpus.load();
        if (corpus == null) {
            fail("no usable file in the fuzz corpus at " + FuzzCorpus.location().toAbsolutePath().normalize());
        }
        long seed = Long.getLong("migsafe.fuzz.seed", DEFAULT_SEED);
        Integer single = Integer.getInteger("migsafe.fuzz.case");
        int count = Integer.getInteger("migsafe.fuzz.cases", DEFAULT_CASES);
        PrintStream log = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        log.println("migsafe fuzz: seed " + seed + ", " + (single != null ? "case " + single : count + " cases")
                + ", corpus " + FuzzCorpus.location() + " (" + corpus.sql.size() + " scripts, "
                + corpus.changelogs.size() + " changelogs)");

        String previousCanary = System.setProperty(HostileInputs.CANARY_PROPERTY, HostileInputs.CANARY_PROPERTY_VALUE);
        Outside outside = Outside.create(root.resolve("outside"));
        CaseGenerator generator = new CaseGenerator(corpus, seed, outside);
        OutputChecks checks = OutputChecks.forEnvironment(HostileInputs.CANARY_PROPERTY_VALUE);
        Path cases = single != null ? Path.of("target/fuzz-case-" + single).toAbsolutePath() : root.resolve("cases");
        List<Failed> failed = new ArrayList<>();
        Map<String, Integer> perFamily = new java.util.TreeMap<>();
        Map<String, Long> familyMillis = new java.util.TreeMap<>();
        long start = System.nanoTime();
        long slowest = 0;
        String slowestCase = "";
        try (TimedCli cli = new TimedCli(CASE_TIMEOUT)) {
            for (int i : single != null ? List.of(single) : IntStream.range(0, count).boxed().toList()) {
                FuzzCase c = generator.generate(i);
                perFamily.merge(c.family(), 1, Integer::sum);
                Path dir = cases.resolve(String.valueOf(i));
                delete(dir);
                Path project = dir.resolve("project");
                Path output = dir.resolve("out");
                Files.createDirectories(project);
                c.writer().write(project);
                List<String> args = c.args(project, output);
                if (single != null) {
                    log.println("case " + i + " [" + c.family() + "] " + c.mutation() + (c.github() ? " (GITHUB_ACTIONS=true)" : ""));
                    log.println("project kept in " + dir + "\nmigsafe " + String.join(" ", args.stream().map(HostileInputFuzzTest::quoted).toList()));
                }
                CaseResult result = cli.run(args, c.github());
                familyMillis.merge(c.family(), result.millis(), Long::sum);
                if (result.millis() > slowest) {
                    slowest = result.millis();
                    slowestCase = "case " + i + " [" + c.family() + "] " + c.mutation();
                }
                for (Failure f : checks.check(c, result, project, output)) {
                    failed.add(new Failed(c, f));
                }
                if (single != null) {
                    log.println("exit " + result.exitCode() + "\n--- stdout\n" + result.out() + "\n--- stderr\n" + result.err());
                } else {
                    unblockFifos(project);
                    delete(dir);
                }
            }
        } finally {
            restore(previousCanary);
        }
        log.println("migsafe fuzz: " + (single != null ? 1 : count) + " case(s) in " + (System.nanoTime() - start) / 1_000_000
                + " ms; cases " + perFamily + "; CLI ms " + familyMillis + "; slowest " + slowest + " ms: " + OutputChecks.shown(slowestCase, 0, 200));
        if (!failed.isEmpty()) {
            String report = report(failed, seed);
            log.println(report);
            fail(report);
        }
    }

    /** Every failing case, grouped by kind: a count, examples with their reproduction, then every case id. */
    private static String report(List<Failed> failed, long seed) {
        Map<FailureKind, List<Failed>> byKind = new EnumMap<>(FailureKind.class);
        failed.forEach(f -> byKind.computeIfAbsent(f.failure().kind(), k -> new ArrayList<>()).add(f));
        long distinct = failed.stream().map(f -> f.fuzzCase().index()).distinct().count();
        StringBuilder sb = new StringBuilder("migsafe fuzz (seed " + seed + "): " + distinct + " failing case(s) in "
                + byKind.size() + " group(s)\n");
        for (var e : byKind.entrySet()) {
            List<Failed> list = e.getValue();
            sb.append("\n== ").append(e.getKey()).append(" (").append(list.size()).append(" case(s)): ")
                    .append(e.getKey().description).append('\n');
            for (Failed f : list.subList(0, Math.min(EXAMPLES_PER_KIND, list.size()))) {
                sb.append(line(f, seed));
            }
            Map<String, List<Failed>> byFamily = list.stream().collect(
                    Collectors.groupingBy(f -> f.fuzzCase().family(), java.util.TreeMap::new, Collectors.toList()));
            byFamily.forEach((family, fs) -> sb.append("   all ").append(family).append(": ").append(fs.stream()
                    .map(f -> String.valueOf(f.fuzzCase().index())).collect(Collectors.joining(" "))).append('\n'));
        }
        sb.append("\nevery failing case:\n");
        failed.stream().sorted(Comparator.comparing((Failed f) -> f.failure().kind()).thenComparing(f -> f.fuzzCase().index()))
                .forEach(f -> sb.append(line(f, seed)));
        return sb.toString();
    }

    private static String line(Failed f, long seed) {
        FuzzCase c = f.fuzzCase();
        return " - case " + c.index() + " [" + c.family() + ", " + c.invocation() + (c.github() ? ", GITHUB_ACTIONS" : "") + "] "
                + OutputChecks.shown(c.mutation(), 0, 200) + "\n     " + f.failure().kind() + ": " + f.failure().detail()
                + "\n     reproduce: mvn -B -o test -Dtest=HostileInputFuzzTest -Dmigsafe.fuzz.seed=" + seed
                + " -Dmigsafe.fuzz.case=" + c.index() + corpusOption() + "\n";
    }

    private static String corpusOption() {
        String corpus = System.getProperty(FuzzCorpus.PROPERTY);
        return corpus == null ? "" : " -D" + FuzzCorpus.PROPERTY + "=" + corpus;
    }

    private static String quoted(String arg) {
        return arg.matches("[A-Za-z0-9_./=:-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'";
    }

    private static void restore(String previousCanary) {
        if (previousCanary == null) {
            System.clearProperty(HostileInputs.CANARY_PROPERTY);
        } else {
            System.setProperty(HostileInputs.CANARY_PROPERTY, previousCanary);
        }
    }

    /** A reader abandoned on a FIFO (a hostile migsafe.yaml) gets end-of-file instead of waiting forever. */
    private static void unblockFifos(Path project) {
        try (Stream<Path> walk = Files.walk(project)) {
            for (Path p : walk.toList()) {
                if (Files.readAttributes(p, java.nio.file.attribute.BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther()) {
                    Thread opener = new Thread(() -> {
                        try (var w = Files.newOutputStream(p)) {
                            w.flush();
                        } catch (IOException ignored) {
                            // nobody reads it any more
                        }
                    });
                    opener.setDaemon(true);
                    opener.start();
                    opener.join(500);
                }
            }
        } catch (IOException | InterruptedException | java.io.UncheckedIOException e) {
            // best effort
        }
    }

    /** Removes a case folder without following its links (they point outside on purpose). */
    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
