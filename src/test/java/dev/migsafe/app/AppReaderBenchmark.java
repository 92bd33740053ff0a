package dev.migsafe.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;

import dev.migsafe.config.ProjectConfig;
import dev.migsafe.dialect.Dialect;
import dev.migsafe.source.DirectoryTree;

/**
 * How long reading the older release's code takes (not a test): N generated source files read from a
 * directory, first all JPA entities (a few columns) and JdbcTemplate DAOs, then an application's usual
 * mix of a quarter such files and three quarters controllers, services and DTOs (not parsed). Prints
 * the first (cold) and the best of three warm runs of each, each mix in a fresh directory. Run with
 * {@code mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.migsafe.app.AppReaderBenchmark}
 * or with java -cp; arguments: the number of files (default 1000), and the share of entities and DAOs
 * (default: 1.0, then 0.25).
 */
public final class AppReaderBenchmark {

    public static void main(String[] args) throws IOException {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        if (args.length > 1) {
            run(n, Double.parseDouble(args[1])); // one mix, in a JVM of its own: a cold run that is really cold
            return;
        }
        // every file an entity or a DAO (the worst case), and an application's usual mix
        run(n, 1.0);
        run(n, 0.25);
    }

    /** @param database the share of files that are entities or DAOs; the others are services, controllers and DTOs */
    private static void run(int n, double database) throws IOException {
        Path dir = Files.createTempDirectory("migsafe-app-bench-");
        try {
            Path src = Files.createDirectories(dir.resolve("src/main/java/bench"));
            int db = (int) Math.round(n * database);
            for (int i = 0; i < n; i++) {
                String name;
                String source;
                if (i >= db) {
                    name = "S" + i;
                    source = "package bench;\nimport org.springframework.web.bind.annotation.*;\n@RestController\nclass S" + i
                            + " {\n  private final Service" + i + " service;\n  S" + i + "(Service" + i + " s) { this.service = s; }\n"
                            + "  @GetMapping(\"/things/{id}\") Dto" + i + " get(@PathVariable long id) {\n"
                            + "    return service.find(id).map(Dto" + i + "::of).orElseThrow();\n  }\n"
                            + "  record Dto" + i + "(long id, String label) {\n    static Dto" + i + " of(Object o) { return new Dto"
                            + i + "(0, String.valueOf(o)); }\n  }\n}\n";
                } else if (i % 2 == 0) {
                    name = "E" + i;
                    source = "package bench;\nimport jakarta.persistence.*;\n@Entity @Table(name = \"t" + i + "\")\npublic class E" + i
                        + " {\n  @Id Long id;\n  @Column(name = \"name\") String name;\n  String createdBy;\n  @ManyToOne E0 parent;\n"
                        + "  int counter;\n}\n";
                } else {
                    name = "D" + i;
                    source = "package bench;\nimport org.springframework.jdbc.core.JdbcTemplate;\nclass D" + i + " {\n"
                        + "  static final String COLS = \"id, name\";\n  JdbcTemplate jdbc;\n"
                        + "  Object find(long id) { return jdbc.queryForObject(\"SELECT \" + COLS + \" FROM t" + (i - 1)
                        + " WHERE id = ?\", Object.class, id); }\n"
                        + "  void touch(long id) { jdbc.update(\"UPDATE t" + (i - 1) + " SET counter = counter + 1 WHERE id = ?\", id); }\n}\n";
                }
                Files.writeString(src.resolve(name + ".java"), source);
            }
            long cold = time(dir);
            long best = Long.MAX_VALUE;
            for (int i = 0; i < 3; i++) {
                best = Math.min(best, time(dir));
            }
            System.out.printf("app code of %d files, %d%% entities and DAOs: cold %d ms, warm %d ms%n", n,
                    Math.round(database * 100), cold, best);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static long time(Path dir) {
        long started = System.nanoTime();
        AppUses uses = new AppReader(Dialect.POSTGRESQL).read(new DirectoryTree(dir, dir), "bench", ProjectConfig.App.NONE,
                Set.of());
        if (uses.entities() == 0) {
            throw new IllegalStateException("nothing read");
        }
        return (System.nanoTime() - started) / 1_000_000;
    }
}
