package dev.migsafe.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.migsafe.test.Corpus;
import dev.migsafe.test.UsesCorpus;

/**
 * Replays the precision ledger ({@code src/test/resources/ledger}): every pair of {@code pairs.tsv} is
 * rebuilt from the corpus in a temporary folder, {@code can-rollback new old --verify none} runs
 * in-process, and its error findings are compared with {@code ledger.tsv}. An error finding the ledger
 * does not judge fails the test, and so does a judged finding that no longer appears; a breaking change
 * marked {@code found} must be matched by an error finding of its rule and object. Prints precision
 * (true / all error findings) and recall (found / all breaking changes) per history and overall.
 * {@code -Dledger.dump=FILE} writes every error finding with its message, for judging new ones.
 */
@UsesCorpus
class PrecisionLedgerTest {

    private static final Map<String, String> FOLDERS = Map.of(
            "marquez", "marquez/api/src/main/resources/marquez/db/migration",
            "harbor", "harbor/make/migrations/postgresql",
            "authelia-postgres", "authelia/internal/storage/migrations/postgres",
            "authelia-mysql", "authelia/internal/storage/migrations/mysql",
            "traccar", "traccar/schema");

    record Pair(String name, String history, String dialect, String olderCut, String newerCut) {
    }

    record Row(String pair, String kind, String rule, String object, String location, String judgement, String reason) {
        String key() {
            return rule + " " + object + " @" + location;
        }
    }

    record Finding(String rule, String object, String location, String message) {
        String key() {
            return rule + " " + object + " @" + location;
        }
    }

    @Test
    void ledgerMatchesTodaysFindings(@TempDir Path tmp) throws IOException {
        List<Pair> pairs = read("pairs.tsv").stream().map(c -> new Pair(c[0], c[1], c[2], c[3], c[4])).toList();
        List<Row> ledger = read("ledger.tsv").stream().map(c -> new Row(c[0], c[1], c[2], c[3], c[4], c[5], c[6])).toList();
        Corpus.require(FOLDERS.get("marquez"));

        List<String> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        StringBuilder dump = new StringBuilder("pair\trule\tobject\tlocation\tmessage\n");
        Map<String, int[]> figures = new TreeMap<>(); // history -> {true, false, found, missed}
        long start = System.nanoTime();
        for (Pair pair : pairs) {
            List<Finding> errors = run(pair, tmp.resolve(pair.name()));
            errors.forEach(f -> dump.append(pair.name()).append('\t').append(f.rule()).append('\t').append(f.object())
                    .append('\t').append(f.location()).append('\t').append(f.message().replace('\n', ' ')).append('\n'));
            int[] fig = figures.computeIfAbsent(pair.history(), h -> new int[4]);
            List<Row> rows = ledger.stream().filter(r -> r.pair().equals(pair.name())).toList();
            Map<String, Row> judged = new LinkedHashMap<>();
            rows.stream().filter(r -> r.kind().equals("finding")).forEach(r -> judged.put(r.key(), r));
            for (Finding f : errors) {
                Row row = judged.remove(f.key());
                if (row == null) {
                    problems.add(pair.name() + ": error finding not in the ledger (judge it): " + f.key() + " | " + f.message());
                } else if (row.judgement().equals("true")) {
                    fig[0]++;
                } else if (row.judgement().equals("false")) {
                    fig[1]++;
                } else {
                    problems.add(pair.name() + ": judgement must be true or false: " + row);
                }
            }
            judged.values().forEach(r -> problems.add(pair.name() + ": ledger finding no longer reported (update the ledger): " + r.key()));
            for (Row b : rows.stream().filter(r -> r.kind().equals("breaking")).toList()) {
                boolean matched = errors.stream().anyMatch(f -> f.rule().equals(b.rule()) && f.object().equals(b.object()));
                if (b.judgement().equals("found")) {
                    fig[2]++;
                    if (!matched) {
                        problems.add(pair.name() + ": breaking change marked found has no error finding: " + b.key());
                    }
                } else if (b.judgement().equals("missed")) {
                    fig[3]++;
                    notes.add(pair.name() + ": missed " + b.key() + (matched ? " (now matched: mark it found)" : "") + " — " + b.reason());
                    if (matched) {
                        problems.add(pair.name() + ": breaking change marked missed is now found: " + b.key());
                    }
                } else {
                    problems.add(pair.name() + ": judgement must be found or missed: " + b);
                }
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        String dumpTo = System.getProperty("ledger.dump");
        if (dumpTo != null) {
            Files.writeString(Path.of(dumpTo), dump);
        }

        StringBuilder report = new StringBuilder("Precision ledger: " + pairs.size() + " pairs in " + millis + " ms\n");
        int[] all = new int[4];
        figures.forEach((history, f) -> {
            report.append(line(history, f));
            for (int i = 0; i < 4; i++) {
                all[i] += f[i];
            }
        });
        report.append(line("overall", all));
        notes.forEach(n -> report.append("  ").append(n).append('\n'));
        System.out.print(report);
        assertTrue(problems.isEmpty(), () -> String.join("\n", problems) + "\n" + report);
    }

    private static String line(String name, int[] f) {
        return String.format("  %-18s error findings %3d: %3d true, %3d false -> precision %s; breaking %3d: %3d found, %3d missed -> recall %s%n",
                name, f[0] + f[1], f[0], f[1], percent(f[0], f[0] + f[1]), f[2] + f[3], f[2], f[3], percent(f[2], f[2] + f[3]));
    }

    private static String percent(int part, int whole) {
        return whole == 0 ? "n/a" : String.format("%.1f %%", 100.0 * part / whole);
    }

    /** Builds the two releases of a pair exactly as the draft did and returns the error findings. */
    private static List<Finding> run(Pair pair, Path dir) throws IOException {
        Path source = Corpus.require(FOLDERS.get(pair.history()));
        Files.createDirectories(dir);
        List<String> args;
        if (pair.history().equals("traccar")) {
            copyTree(source, dir.resolve("schema"));
            Files.writeString(dir.resolve("migsafe.yaml"), "dialect: " + pair.dialect() + "\nmigrations:\n"
                    + "  - path: schema/changelog-master.xml\n    format: liquibase\nreleases:\n"
                    + "  old: \"" + pair.olderCut() + "\"\n  new: \"" + pair.newerCut() + "\"\n");
            args = List.of("can-rollback", "new", "old", "--project", dir.toString());
        } else {
            Path older = copyUpTo(pair, source, dir.resolve("old"), pair.olderCut());
            Path newer = copyUpTo(pair, source, dir.resolve("new"), pair.newerCut());
            Files.writeString(dir.resolve("migsafe.yaml"), "dialect: " + pair.dialect() + "\n");
            args = List.of("can-rollback", "new", "old", "--project", dir.toString(), "--from-dir", newer.toString(),
                    "--to-dir", older.toString(), "--dialect", pair.dialect());
        }
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of("--verify", "none", "--format", "json"));
        CliRun run = CliRun.of(all.toArray(String[]::new));
        if (run.exitCode() != 0 && run.exitCode() != 1) {
            throw new AssertionError(pair.name() + ": " + run);
        }
        List<Finding> errors = new ArrayList<>();
        for (JsonNode f : run.json().path("findings")) {
            if (f.path("severity").asText().equals("error")) {
                String file = Path.of(f.path("file").asText()).getFileName().toString();
                String object = f.path("object").asText();
                errors.add(new Finding(f.path("ruleId").asText(), object.isEmpty() ? "-" : object, file + ":" + f.path("line").asText(),
                        f.path("message").asText()));
            }
        }
        return errors;
    }

    private static final Pattern FLYWAY = Pattern.compile("V([\\d.]+)__.*");
    private static final Pattern NUMBERED = Pattern.compile("V?(\\d+).*");

    /**
     * Copies every migration whose version is at most the cut's (Flyway: compared numerically part by
     * part; harbor and authelia: the leading number, so both .up.sql and .down.sql); repeatable R__
     * files go into both releases, because the corpus holds only their latest text.
     */
    private static Path copyUpTo(Pair pair, Path source, Path to, String cut) throws IOException {
        Files.createDirectories(to);
        List<Integer> max = version(pair, cut);
        try (Stream<Path> files = Files.list(source)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = f.getFileName().toString();
                List<Integer> v = name.startsWith("R__") ? null : version(pair, name);
                if (name.startsWith("R__") || (v != null && compare(v, max) <= 0)) {
                    Files.copy(f, to.resolve(name));
                }
            }
        }
        return to;
    }

    private static List<Integer> version(Pair pair, String name) {
        Matcher m = (pair.history().equals("marquez") ? FLYWAY : NUMBERED).matcher(name);
        if (!m.matches()) {
            return null;
        }
        return Stream.of(m.group(1).split("\\.")).filter(s -> !s.isEmpty()).map(Integer::valueOf).toList();
    }

    private static int compare(List<Integer> a, List<Integer> b) {
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            int x = i < a.size() ? a.get(i) : 0;
            int y = i < b.size() ? b.get(i) : 0;
            if (x != y) {
                return Integer.compare(x, y);
            }
        }
        return 0;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (Files.isRegularFile(p)) {
                    Files.copy(p, target);
                }
            }
        }
    }

    /** A tab-separated resource of the ledger folder without its header; lines starting with # are comments. */
    private static List<String[]> read(String name) {
        try (InputStream in = PrecisionLedgerTest.class.getResourceAsStream("/ledger/" + name)) {
            if (in == null) {
                throw new AssertionError("missing resource ledger/" + name);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.lines().skip(1).filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.split("\t", -1)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
