package dev.migsafe.verify;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How to verify: which images, which old-release test command, where the older release lives.
 * Built by the CLI from {@code migsafe.yaml verify:} and options; {@link #withEnvironmentOverrides}
 * lets CI point every run at local images without touching the project's configuration.
 *
 * @param postgresImage    Testcontainers image for PostgreSQL (default postgres:16)
 * @param mysqlImage       Testcontainers image for MySQL (default mysql:8.4)
 * @param mariadbImage     Testcontainers image for MariaDB (default mariadb:11.4)
 * @param mysqlServer      which server verifies the mysql dialect: "mysql" or "mariadb"
 * @param oldTestsCommand  shell command running the older release's tests, or null
 * @param projectDir       the project (a git work tree when the older release is a ref)
 * @param olderReleaseDir  a checkout of the older release, or null
 * @param olderReleaseRef  git ref of the older release, checked out in a temporary worktree when
 *                         no directory is given; null to run the tests in the project directory
 * @param junitReports     globs, relative to the older release's directory, of the JUnit XML reports
 *                         the command writes; empty for the Maven and Gradle defaults
 * @param oldTestsTimeout  how long the old-release tests may run
 * @param jdbcUser         user for a JDBC URL target (null: taken from the URL)
 * @param jdbcPassword     password for a JDBC URL target (null: taken from the URL)
 * @param statementWait    how long a statement may wait for a lock before its blockers are read and
 *                         reported and it is cancelled ({@code verify.statement-wait}, default 30 s)
 * @param verifyTimeout    how long the whole verification may take ({@code --verify-timeout}, default 15 min)
 * @param lockTrace        whether the {@code lock trace} step measures each statement's locks ({@code verify.lock-trace}, default on)
 */
public record VerifySettings(
        String postgresImage,
        String mysqlImage,
        String mariadbImage,
        String mysqlServer,
        String oldTestsCommand,
        Path projectDir,
        Path olderReleaseDir,
        String olderReleaseRef,
        List<String> junitReports,
        Duration oldTestsTimeout,
        String jdbcUser,
        String jdbcPassword,
        Duration statementWait,
        Duration verifyTimeout,
        boolean lockTrace) {

    public static final String DEFAULT_POSTGRES_IMAGE = "postgres:16";
    public static final String DEFAULT_MYSQL_IMAGE = "mysql:8.4";
    public static final String DEFAULT_MARIADB_IMAGE = "mariadb:11.4";
    public static final List<String> DEFAULT_JUNIT_REPORTS = List.of(
            "target/surefire-reports/*.xml", "target/failsafe-reports/*.xml", "build/test-results/**/*.xml");
    public static final Duration DEFAULT_STATEMENT_WAIT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_VERIFY_TIMEOUT = Duration.ofMinutes(15);

    public VerifySettings {
        postgresImage = orDefault(postgresImage, DEFAULT_POSTGRES_IMAGE);
        mysqlImage = orDefault(mysqlImage, DEFAULT_MYSQL_IMAGE);
        mariadbImage = orDefault(mariadbImage, DEFAULT_MARIADB_IMAGE);
        mysqlServer = orDefault(mysqlServer, "mysql");
        if (!mysqlServer.equals("mysql") && !mysqlServer.equals("mariadb")) {
            throw new IllegalArgumentException("mysql server must be mysql or mariadb, not " + mysqlServer);
        }
        oldTestsCommand = oldTestsCommand == null || oldTestsCommand.isBlank() ? null : oldTestsCommand;
        projectDir = projectDir == null ? Path.of(".") : projectDir;
        junitReports = junitReports == null || junitReports.isEmpty() ? DEFAULT_JUNIT_REPORTS : List.copyOf(junitReports);
        oldTestsTimeout = oldTestsTimeout == null ? Duration.ofMinutes(30) : oldTestsTimeout;
        statementWait = statementWait == null ? DEFAULT_STATEMENT_WAIT : statementWait;
        verifyTimeout = verifyTimeout == null ? DEFAULT_VERIFY_TIMEOUT : verifyTimeout;
    }

    public static VerifySettings defaults() {
        return new VerifySettings(null, null, null, null, null, null, null, null, null, null, null, null, null, null, true);
    }

    /**
     * Environment variables win over the configuration, so that CI can use local images:
     * MIGSAFE_POSTGRES_IMAGE, MIGSAFE_MYSQL_IMAGE, MIGSAFE_MARIADB_IMAGE, MIGSAFE_MYSQL_SERVER.
     */
    public VerifySettings withEnvironmentOverrides(Map<String, String> env) {
        return new VerifySettings(
                env.getOrDefault("MIGSAFE_POSTGRES_IMAGE", postgresImage),
                env.getOrDefault("MIGSAFE_MYSQL_IMAGE", mysqlImage),
                env.getOrDefault("MIGSAFE_MARIADB_IMAGE", mariadbImage),
                env.getOrDefault("MIGSAFE_MYSQL_SERVER", mysqlServer),
                oldTestsCommand, projectDir, olderReleaseDir, olderReleaseRef, junitReports, oldTestsTimeout,
                jdbcUser, jdbcPassword, statementWait, verifyTimeout, lockTrace);
    }

    public VerifySettings withImages(String postgres, String mysql, String mariadb) {
        return new VerifySettings(postgres, mysql, mariadb, mysqlServer, oldTestsCommand, projectDir,
                olderReleaseDir, olderReleaseRef, junitReports, oldTestsTimeout, jdbcUser, jdbcPassword, statementWait, verifyTimeout, lockTrace);
    }

    public VerifySettings withMysqlServer(String server) {
        return new VerifySettings(postgresImage, mysqlImage, mariadbImage, server, oldTestsCommand, projectDir,
                olderReleaseDir, olderReleaseRef, junitReports, oldTestsTimeout, jdbcUser, jdbcPassword, statementWait, verifyTimeout, lockTrace);
    }

    public VerifySettings withOldTests(String command, Path olderDir, String olderRef, List<String> reports) {
        return new VerifySettings(postgresImage, mysqlImage, mariadbImage, mysqlServer, command, projectDir,
                olderDir, olderRef, reports, oldTestsTimeout, jdbcUser, jdbcPassword, statementWait, verifyTimeout, lockTrace);
    }

    public VerifySettings withProjectDir(Path dir) {
        return new VerifySettings(postgresImage, mysqlImage, mariadbImage, mysqlServer, oldTestsCommand, dir,
                olderReleaseDir, olderReleaseRef, junitReports, oldTestsTimeout, jdbcUser, jdbcPassword, statementWait, verifyTimeout, lockTrace);
    }

    public VerifySettings withJdbcCredentials(String user, String password) {
        return new VerifySettings(postgresImage, mysqlImage, mariadbImage, mysqlServer, oldTestsCommand, projectDir,
                olderReleaseDir, olderReleaseRef, junitReports, oldTestsTimeout, user, password, statementWait, verifyTimeout, lockTrace);
    }

    /** With the lock trace on or off; null keeps it as it is. */
    public VerifySettings withLockTrace(Boolean on) {
        return new VerifySettings(postgresImage, mysqlImage, mariadbImage, mysqlServer, oldTestsCommand, projectDir,
                olderReleaseDir, olderReleaseRef, junitReports, oldTestsTimeout, jdbcUser, jdbcPassword, statementWait,
                verifyTimeout, on == null ? lockTrace : on);
    }

    /** The watchdog's limits; null keeps the default. */
    public VerifySettings withLimits(Duration statementWait, Duration verifyTimeout) {
        return new VerifySettings(postgresImage, mysqlImage, mariadbImage, mysqlServer, oldTestsCommand, projectDir,
                olderReleaseDir, olderReleaseRef, junitReports, oldTestsTimeout, jdbcUser, jdbcPassword, statementWait,
                verifyTimeout, lockTrace);
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
