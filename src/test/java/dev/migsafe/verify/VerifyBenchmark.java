package dev.migsafe.verify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.migsafe.dialect.Dialect;
import dev.migsafe.source.Migration;

/**
 * Wall time of a full verification (not a test): the shop sample's range, then ranges of 10, 100 and
 * 1000 trivial migrations (each creates a table, its down drops it) as Flyway files, up/down files
 * and Liquibase changeSets, on embedded PostgreSQL and on a Testcontainers PostgreSQL. Run with
 * {@code mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.migsafe.verify.VerifyBenchmark}
 * or with java -cp; arguments: targets (default: embedded testcontainers).
 */
public final class VerifyBenchmark {

    public static void main(String[] args) {
        List<String> targets = args.length > 0 ? List.of(args) : List.of("embedded", "testcontainers");
        VerifySettings settings = TestImages.settings();
        for (String target : targets) {
            // can-rollback v1.3.1 v1.2.9 on the shop sample: older 1-5, range 6-8
            run(target, "shop v1.2.9..v1.3.1", ShopSampleVerifierTest.shop(1, 5), ShopSampleVerifierTest.shop(6, 8), settings);
            for (int n : new int[] {10, 100, 1000}) {
                run(target, n + " trivial (Flyway)", ShopSampleVerifierTest.shop(1, 5), trivial(n, true), settings);
                run(target, n + " trivial (JDBC)", ShopSampleVerifierTest.shop(1, 5), trivial(n, false), settings);
                run(target, n + " trivial (Liquibase)", ShopSampleVerifierTest.shop(1, 5), trivialChangeSets(n), settings);
            }
        }
    }

    private static void run(String target, String label, List<Migration> older, List<Migration> range,
                            VerifySettings settings) {
        long start = System.nanoTime();
        Verification v = new Verifier().run(new VerifyRequest(Dialect.POSTGRESQL, older, range, target, settings),
                ProgressListener.NONE);
        long total = (System.nanoTime() - start) / 1_000_000;
        long inSteps = v.steps().stream().mapToLong(Step::durationMs).sum();
        System.out.printf("%-15s %-26s total %6d ms  (steps %6d ms, teardown %5d ms)  %s%n", target, label, total,
                inSteps, total - inSteps, v.steps().stream()
                        .map(s -> s.name().replace(' ', '-') + "=" + s.durationMs() + (s.isFailed() ? "!" : ""))
                        .collect(Collectors.joining(" ")));
    }

    /** n Liquibase changeSets that each create a table (Liquibase's own inverse drops it), in one changelog. */
    static List<Migration> trivialChangeSets(int n) {
        StringBuilder changelog = new StringBuilder("databaseChangeLog:\n");
        for (int i = 0; i < n; i++) {
            changelog.append("  - changeSet:\n      id: t").append(i).append("\n      author: bench\n      changes:\n")
                    .append("        - createTable: {tableName: t").append(i).append(", columns: [{column: {name: id,")
                    .append(" type: INT, constraints: {primaryKey: true}}}, {column: {name: v, type: VARCHAR(20)}}]}\n");
        }
        try {
            Path dir = Files.createTempDirectory("migsafe-bench-");
            return TestMigrations.liquibase(dir, Map.of("changelog.yaml", changelog.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** n migrations that each create a table (the down drops it), as Flyway or as up/down files. */
    static List<Migration> trivial(int n, boolean flyway) {
        List<Migration> range = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String version = String.valueOf(100 + i);
            String up = "CREATE TABLE t" + i + " (id INT PRIMARY KEY, v VARCHAR(20));";
            String down = "DROP TABLE t" + i + ";";
            range.add(flyway ? TestMigrations.flyway(version, "t" + i, up, down)
                    : TestMigrations.updown(version, "t" + i, up, down));
        }
        return range;
    }
}
