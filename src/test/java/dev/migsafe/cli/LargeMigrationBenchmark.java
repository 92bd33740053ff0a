package dev.migsafe.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Time and peak heap of analysing one large migration (not a test): a reference-data load as one
 * INSERT of N MB ({@code single}) or as N MB of one-row INSERTs ({@code many}). Run one size per JVM
 * with a heap cap to see what fits, e.g.
 * {@code java -Xmx512m -cp target/migsafe.jar:target/test-classes dev.migsafe.cli.LargeMigrationBenchmark single 256}.
 * Arguments: kind (single|many) and sizes in MB (default: single 10 100 250).
 * Peak heap is the largest heap use ({@code MemoryMXBean}) sampled every 5 ms during the run.
 */
public final class LargeMigrationBenchmark {

    public static void main(String[] args) throws IOException {
        String kind = args.length > 0 ? args[0] : "single";
        int[] sizes = args.length > 1 ? java.util.Arrays.stream(args, 1, args.length).mapToInt(Integer::parseInt).toArray()
                : new int[] {10, 100, 250};
        for (int mb : sizes) {
            Path dir = Files.createTempDirectory("migsafe-large-");
            Path migrations = Files.createDirectories(dir.resolve("db"));
            Files.writeString(migrations.resolve("V1__schema.sql"),
                    "CREATE TABLE ref_data (id bigint PRIMARY KEY, name varchar(100), note text);\n");
            Path file = migrations.resolve("V2__load.sql");
            long statements = write(file, kind, mb * 1024L * 1024L);
            System.gc();
            java.util.concurrent.atomic.AtomicLong peakUsed = new java.util.concurrent.atomic.AtomicLong();
            Thread sampler = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    peakUsed.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            sampler.setDaemon(true);
            sampler.start();
            long start = System.nanoTime();
            StringWriter err = new StringWriter();
            int exit = Main.execute(new PrintWriter(Writer.nullWriter()), new PrintWriter(err), "analyze",
                    migrations.toString(), "--project", dir.toString(), "--dialect", "postgresql", "--format", "json");
            long ms = (System.nanoTime() - start) / 1_000_000;
            sampler.interrupt();
            long peak = peakUsed.get();
            System.out.printf("%-6s %4d MB  %9d statements  exit %d  %7d ms  peak heap %5d MB  (-Xmx %d MB)%s%n", kind, mb,
                    statements, exit, ms, peak >> 20, Runtime.getRuntime().maxMemory() >> 20,
                    err.toString().isBlank() ? "" : "  " + err.toString().strip().lines().findFirst().orElse(""));
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.exit(0);
    }

    /** Writes about {@code bytes} of data load; returns the statement count. */
    private static long write(Path file, String kind, long bytes) throws IOException {
        boolean single = kind.equals("single");
        long written = 0;
        long row = 0;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            if (single) {
                written += write(w, "INSERT INTO ref_data (id, name, note) VALUES\n");
            }
            while (written < bytes) {
                row++;
                String values = "(" + row + ", 'name " + row + "', 'reference note for row " + row + "')";
                written += write(w, single ? (row > 1 ? ",\n" : "") + values
                        : "INSERT INTO ref_data (id, name, note) VALUES " + values + ";\n");
            }
            if (single) {
                w.write(";\n");
            }
        }
        return (single ? 1 : row) + 1;
    }

    private static int write(Writer w, String s) throws IOException {
        w.write(s);
        return s.length();
    }
}
