package dev.migsafe.sql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import dev.migsafe.dialect.Dialect;
import dev.migsafe.sql.MigrationScript;
import dev.migsafe.test.Corpus;

/**
 * Measures how much of the real-migration corpus (../shared/corpus, see its SOURCES.md) the sql
 * stage understands: per project, files, statements, understood %, the most frequent reasons for
 * not understanding, and time. Run it with
 * {@code mvn -q test-compile exec:java -Dexec.mainClass=dev.migsafe.sql.CorpusCoverage -Dexec.classpathScope=test}
 * or through {@link CorpusCoverageTest}.
 */
public final class CorpusCoverage {

    /** Default corpus location; override with -Dmigsafe.corpus=DIR. */
    public static final Path DEFAULT_CORPUS = Corpus.root();

    /** One project (or one dialect folder of a project) of the corpus. */
    record Project(String name, Path dir, Dialect dialect) {
    }

    /** Figures for one project. */
    record Figures(String project, int files, int statements, int understood, List<String> errors,
                   Map<String, Integer> gaps, long millis) {
        double understoodPercent() {
            return statements == 0 ? 100.0 : 100.0 * understood / statements;
        }
    }

    static List<Project> projects(Path corpus) {
        Path authelia = corpus.resolve("authelia/internal/storage/migrations");
        return List.of(
                new Project("marquez", corpus.resolve("marquez"), Dialect.POSTGRESQL),
                new Project("harbor", corpus.resolve("harbor"), Dialect.POSTGRESQL),
                new Project("authelia-postgres", authelia.resolve("postgres"), Dialect.POSTGRESQL),
                new Project("authelia-mysql", authelia.resolve("mysql"), Dialect.MYSQL),
                new Project("traccar", corpus.resolve("traccar"), Dialect.POSTGRESQL));
    }

    /** Parses every .sql file of a project in file-name order with one parser. */
    static Figures measure(Project project) {
        long start = System.nanoTime();
        SqlScriptParser parser = new SqlScriptParser();
        int files = 0;
        int statements = 0;
        int understood = 0;
        List<String> errors = new ArrayList<>();
        Map<String, Integer> gaps = new TreeMap<>();
        for (Path file : sqlFiles(project.dir())) {
            files++;
            String relative = project.dir().relativize(file).toString();
            try {
                for (ParsedStatement p : parser.parse(new MigrationScript(relative, Files.readString(file)),
                        project.dialect())) {
                    statements++;
                    if (p.isUnderstood()) {
                        understood++;
                    } else {
                        gaps.merge(shorten(p.problem()), 1, Integer::sum);
                    }
                }
            } catch (SqlSyntaxException e) {
                errors.add(e.getMessage());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new Figures(project.name(), files, statements, understood, errors, gaps, millis);
    }

    private static List<Path> sqlFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            // migration order: each up before its down (procedures defined in an up are called in the down)
            return walk.filter(p -> p.toString().endsWith(".sql"))
                    .sorted(Comparator.comparing((Path p) -> p.toString().replace(".down.sql", ".zz.sql"))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String shorten(String problem) {
        String p = problem.replaceAll("near '[^']*'", "near ...");
        return p.length() > 110 ? p.substring(0, 110) + "..." : p;
    }

    /** A printable report over all projects. */
    static String report(List<Figures> all) {
        StringBuilder sb = new StringBuilder();
        int statements = 0;
        int understood = 0;
        long millis = 0;
        Map<String, Integer> gaps = new LinkedHashMap<>();
        for (Figures f : all) {
            sb.append(String.format("%-18s files %4d  statements %5d  understood %6.2f%%  errors %d  %5d ms%n",
                    f.project(), f.files(), f.statements(), f.understoodPercent(), f.errors().size(), f.millis()));
            statements += f.statements();
            understood += f.understood();
            millis += f.millis();
            f.gaps().forEach((k, v) -> gaps.merge(f.project() + ": " + k, v, Integer::sum));
            f.errors().forEach(e -> sb.append("    split error: ").append(e).append('\n'));
        }
        sb.append(String.format("%-18s statements %5d  understood %6.2f%%  %d ms%n", "TOTAL", statements,
                statements == 0 ? 100.0 : 100.0 * understood / statements, millis));
        sb.append("top gaps:\n");
        gaps.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(25)
                .forEach(e -> sb.append(String.format("  %4d  %s%n", e.getValue(), e.getKey())));
        return sb.toString();
    }

    public static void main(String[] args) {
        Path corpus = args.length > 0 ? Path.of(args[0]) : DEFAULT_CORPUS;
        List<Figures> all = new ArrayList<>();
        for (Project p : projects(corpus)) {
            all.add(measure(p));
        }
        System.out.print(report(all));
    }
}
