package dev.migsafe.verify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the older release's own test suite against the new schema: the command runs in a checkout of
 * the older release with the scratch database in the environment (under the names common frameworks
 * read, their own migration runners switched off, since the schema is already there), then the
 * JUnit XML reports it wrote are read for failing tests.
 */
final class OldTestsRunner {

    private static final int OUTPUT_LINES = 15;

    private final VerifySettings settings;

    OldTestsRunner(VerifySettings settings) {
        this.settings = settings;
    }

    StepOutcome run(ScratchDatabase db, ProgressListener progress) throws IOException, InterruptedException {
        String command = settings.oldTestsCommand();
        if (command == null) {
            return StepOutcome.skipped("no older-release test command (--old-tests CMD or verify.old-tests)");
        }
        try (OlderReleaseCheckout checkout = OlderReleaseCheckout.of(settings, progress)) {
            if (!Files.isDirectory(checkout.dir())) {
                return StepOutcome.skipped("the project's folder does not exist in the older release ("
                        + settings.olderReleaseRef() + "): its tests cannot run there");
            }
            return run(command, checkout.dir(), db, progress);
        }
    }

    private StepOutcome run(String command, Path dir, ScratchDatabase db, ProgressListener progress)
            throws IOException, InterruptedException {
        progress.message("running older-release tests: " + command + " (in " + dir + ")");
        Path log = Files.createTempFile("migsafe-old-tests-", ".log");
        // reports older than this were not written by this run
        FileTime started = FileTime.from(Instant.now().minusSeconds(2));
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", command).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(environment(db));
        Process process = pb.start();
        // a timeout, or migsafe stopped (Ctrl-C, kill), must not leave the test suite running
        RunLedger.Entry entry = RunLedger.current().record("process", Map.of("pid", String.valueOf(process.pid()),
                "start", String.valueOf(process.info().startInstant().map(java.time.Instant::toEpochMilli).orElse(0L))));
        ExitCleanup stop = ExitCleanup.register(entry.closing(() -> {
            if (process.isAlive()) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        }), "older-release tests '" + command + "'");
        boolean finished;
        try {
            finished = process.waitFor(settings.oldTestsTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            stop.run();
        }
        if (!finished) {
            return StepOutcome.failed("'" + command + "' did not finish within " + settings.oldTestsTimeout()
                    + "; output in " + log, List.of("timed out: " + command));
        }
        int exit = process.exitValue();
        JUnitReports.Summary reports = JUnitReports.read(dir, settings.junitReports(), started);
        String where = reports.files().isEmpty() ? "no JUnit XML report found (" + String.join(", ", settings.junitReports()) + ")"
                : reports.tests() + " tests in " + reports.files().size() + " JUnit report(s)";
        if (!reports.failing().isEmpty()) {
            return StepOutcome.failed(reports.failing().size() + " of the older release's tests fail on the new schema; "
                    + where + "; output in " + log, reports.failing());
        }
        if (exit != 0) {
            List<String> failures = new ArrayList<>();
            failures.add("'" + command + "' exited with code " + exit);
            failures.addAll(lastLines(log));
            return StepOutcome.failed("the older release's test command failed; " + where + "; output in " + log, failures);
        }
        Files.deleteIfExists(log);
        return StepOutcome.passed("'" + command + "' passed on the new schema; " + where);
    }

    /**
     * The scratch database under the names migsafe documents and frameworks read. For Spring Boot the
     * environment outranks every application*.properties file (also a test's own, such as a
     * Testcontainers {@code jdbc:tc:} URL with its driver class), but not {@code @TestPropertySource},
     * {@code @DynamicPropertySource} or a {@code @ServiceConnection} (README: older-release tests).
     */
    static Map<String, String> environment(ScratchDatabase db) {
        String user = db.user() == null ? "" : db.user();
        String password = db.password() == null ? "" : db.password();
        ServerKind kind = ServerKind.ofJdbcUrl(db.jdbcUrl());
        return Map.ofEntries(
                // the JVM and classpath migsafe runs with (JDBC drivers included), for test suites that
                // are plain Java programs, like the shop sample's
                Map.entry("MIGSAFE_JAVA", ProcessHandle.current().info().command().orElse("java")),
                Map.entry("MIGSAFE_CLASSPATH", System.getProperty("java.class.path")),
                Map.entry("MIGSAFE_JDBC_URL", db.jdbcUrl()),
                Map.entry("MIGSAFE_DB_USER", user),
                Map.entry("MIGSAFE_DB_PASSWORD", password),
                Map.entry("SPRING_DATASOURCE_URL", db.jdbcUrl()),
                Map.entry("SPRING_DATASOURCE_USERNAME", user),
                Map.entry("SPRING_DATASOURCE_PASSWORD", password),
                // a test configuration naming another driver (Testcontainers' ContainerDatabaseDriver) would refuse the URL
                Map.entry("SPRING_DATASOURCE_DRIVER_CLASS_NAME", kind == null ? "" : kind.jdbcDriver()),
                // @DataJpaTest / @JdbcTest would otherwise swap in an embedded database
                Map.entry("SPRING_TEST_DATABASE_REPLACE", "none"),
                // the schema under test is migsafe's: Hibernate must neither create, update nor drop it
                Map.entry("SPRING_JPA_HIBERNATE_DDL_AUTO", "none"),
                Map.entry("SPRING_FLYWAY_ENABLED", "false"),
                Map.entry("SPRING_LIQUIBASE_ENABLED", "false"),
                Map.entry("DATABASE_URL", JdbcUrls.databaseUrl(db.jdbcUrl(), user, password)));
    }

    private static List<String> lastLines(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return lines.subList(Math.max(0, lines.size() - OUTPUT_LINES), lines.size()).stream()
                .map(l -> "  | " + l).toList();
    }
}
