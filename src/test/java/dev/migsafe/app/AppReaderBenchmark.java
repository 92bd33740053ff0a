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
 * How long reading the older release's code takes (not a test): N generated source files, half JPA
 * entities with a few columns, half DAOs with JdbcTemplate SQL, read from a directory. Prints the first
 * (cold) and the best of three warm runs. Run with
 * {@code mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.migsafe.app.AppReaderBenchmark}
 * or with java -cp; argument: the number of files (default 1000).
 */
public final class AppReaderBenchmark {

    public static void main(String[] args) throws IOException {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        Path dir = Files.createTempDirectory("migsafe-app-bench-");
        try {
            Path src = Files.createDirectories(dir.resolve("src/main/java/bench"));
            for (int i = 0; i < n; i++) {
                String source = i % 2 == 0
                        ? "package bench;\nimport jakarta.persistence.*;\n@Entity @Table(name = \"t" + i + "\")\npublic class E" + i
                        + " {\n  @Id Long id;\n  @Column(name = \"name\") String name;\n  String createdBy;\n  @ManyToOne E0 parent;\n"
                        + "  int counter;\n}\n"
                        : "package bench;\nimport org.springframework.jdbc.core.JdbcTemplate;\nclass D" + i + " {\n"
                        + "  static final String COLS = \"id, name\";\n  JdbcTemplate jdbc;\n"
                        + "  Object find(long id) { return jdbc.queryForObject(\"SELECT \" + COLS + \" FROM t" + (i - 1)
                        + " WHERE id = ?\", Object.class, id); }\n"
                        + "  void touch(long id) { jdbc.update(\"UPDATE t" + (i - 1) + " SET counter = counter + 1 WHERE id = ?\", id); }\n}\n";
                Files.writeString(src.resolve((i % 2 == 0 ? "E" : "D") + i + ".java"), source);
            }
            long cold = time(dir);
            long best = Long.MAX_VALUE;
            for (int i = 0; i < 3; i++) {
                best = Math.min(best, time(dir));
            }
            System.out.printf("app code of %d files: cold %d ms, warm %d ms%n", n, cold, best);
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
