package dev.migsafe.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * How the whole {@code analyze} command grows with the length of a history (not a test): Flyway with
 * U files, golang-migrate up/down, one Liquibase XML changelog and an includeAll of one file per
 * changeSet, at 1,000 to 10,000 migrations. Prints seconds per size and the growth per doubling (2.0
 * is linear). Inputs are generated in a temp dir and removed. Run with
 * {@code mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.migsafe.cli.HistoryScaleBenchmark}
 * or with java -cp; arguments: sizes (default 1000 2000 5000 10000).
 */
public final class HistoryScaleBenchmark {
    private static final List<String> CASES = List.of("flyway+U", "up/down", "liquibase-xml", "includeAll");
    private static final String XML_HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<databaseChangeLog"
            + " xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
            + " xsi:schemaLocation=\"http://www.liquibase.org/xml/ns/dbchangelog"
            + " http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-4.20.xsd\">\n";

    public static void main(String[] args) throws IOException {
        int[] sizes = args.length > 0 ? Stream.of(args).mapToInt(Integer::parseInt).toArray()
                : new int[] {1000, 2000, 5000, 10000};
        System.out.printf("%-14s", "case");
        for (int n : sizes) {
            System.out.printf("%10s", n);
        }
        System.out.printf("   %s%n", "growth per doubling");
        for (String kind : CASES) {
            System.out.printf("%-14s", kind);
            double[] seconds = new double[sizes.length];
            for (int k = 0; k < sizes.length; k++) {
                Path dir = Files.createTempDirectory("migsafe-scale-");
                try {
                    generate(kind, sizes[k], dir);
                    long start = System.nanoTime();
                    StringWriter out = new StringWriter();
                    StringWriter err = new StringWriter();
                    int code = Main.execute(new PrintWriter(out), new PrintWriter(err), "analyze", dir.toString(),
                            "--format", "json", "--fail-on", "never");
                    seconds[k] = (System.nanoTime() - start) / 1e9;
                    System.out.printf("%10s", code == 0 ? String.format("%.1f s", seconds[k]) : "exit " + code);
                } finally {
                    delete(dir);
                }
            }
            StringBuilder growth = new StringBuilder();
            for (int k = 1; k < sizes.length; k++) {
                double doublings = Math.log((double) sizes[k] / sizes[k - 1]) / Math.log(2);
                growth.append(String.format(" %.2fx", Math.pow(seconds[k] / seconds[k - 1], 1 / doublings)));
            }
            System.out.printf("  %s%n", growth);
        }
    }

    /** Migration i creates table t_i with an index and widens t_(i-1); its down undoes both. */
    private static void generate(String kind, int n, Path dir) throws IOException {
        switch (kind) {
            case "flyway+U", "up/down" -> {
                for (int i = 1; i <= n; i++) {
                    String up = "CREATE TABLE t" + i + " (id bigint PRIMARY KEY, name varchar(100) NOT NULL DEFAULT '', v int);\n"
                            + "CREATE INDEX t" + i + "_name ON t" + i + " (name);\n"
                            + (i > 1 ? "ALTER TABLE t" + (i - 1) + " ADD COLUMN extra int;\n" : "");
                    String down = (i > 1 ? "ALTER TABLE t" + (i - 1) + " DROP COLUMN extra;\n" : "") + "DROP TABLE t" + i + ";\n";
                    boolean flyway = kind.equals("flyway+U");
                    Files.writeString(dir.resolve(flyway ? "V" + i + "__step.sql" : String.format("%06d_step.up.sql", i)), up);
                    Files.writeString(dir.resolve(flyway ? "U" + i + "__step.sql" : String.format("%06d_step.down.sql", i)), down);
                }
            }
            case "liquibase-xml" -> {
                StringBuilder xml = new StringBuilder(XML_HEAD);
                for (int i = 1; i <= n; i++) {
                    xml.append(changeSet(i));
                }
                Files.writeString(dir.resolve("changelog.xml"), xml.append("</databaseChangeLog>\n"));
            }
            case "includeAll" -> {
                Path changes = Files.createDirectories(dir.resolve("changes"));
                for (int i = 1; i <= n; i++) {
                    Files.writeString(changes.resolve(String.format("%06d.xml", i)),
                            XML_HEAD + changeSet(i) + "</databaseChangeLog>\n");
                }
                Files.writeString(dir.resolve("changelog.xml"), XML_HEAD
                        + "<includeAll path=\"changes/\" relativeToChangelogFile=\"true\"/>\n</databaseChangeLog>\n");
            }
            default -> throw new IllegalArgumentException(kind);
        }
    }

    private static String changeSet(int i) {
        return "<changeSet id=\"c" + i + "\" author=\"bench\"><createTable tableName=\"t" + i + "\">"
                + "<column name=\"id\" type=\"bigint\"><constraints primaryKey=\"true\"/></column>"
                + "<column name=\"v\" type=\"int\"/></createTable></changeSet>\n";
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
