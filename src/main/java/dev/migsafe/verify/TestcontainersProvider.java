package dev.migsafe.verify;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.JdbcDatabaseContainer;
import org.testcontainers.mariadb.MariaDBContainer;
import org.testcontainers.mysql.MySQLContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.TestcontainersConfiguration;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;

/** A fresh PostgreSQL, MySQL or MariaDB container per verification; the image is configuration. */
final class TestcontainersProvider implements DatabaseProvider {

    private static final Duration PULL_TIMEOUT = Duration.ofMinutes(10);
    /** The image Testcontainers 2.0.5's RyukContainer runs; keep in step when upgrading Testcontainers. */
    private static final String RYUK_IMAGE = "testcontainers/ryuk:0.14.0";

    private final VerifySettings settings;

    TestcontainersProvider(VerifySettings settings) {
        this.settings = settings;
    }

    /** True when a Docker engine answers. Never throws. */
    static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            return false;
        }
    }

    /**
     * Testcontainers starts its Ryuk container the first time it talks to Docker, and when Ryuk's
     * image cannot be pulled (a machine without a registry) it retries for minutes. Check first,
     * with a client that does not start Ryuk, and say how to go on. migsafe stops its containers
     * itself, so TESTCONTAINERS_RYUK_DISABLED=true is safe.
     */
    static void ensureRyukImage(ProgressListener progress) {
        if ("true".equalsIgnoreCase(System.getenv("TESTCONTAINERS_RYUK_DISABLED"))) {
            return;
        }
        String ryuk = TestcontainersConfiguration.getInstance().getRyukImage();
        if (!ryuk.contains(":")) {
            ryuk = RYUK_IMAGE; // the configured name carries no tag; RyukContainer adds its own
        }
        progress.message("checking Testcontainers' helper image " + ryuk);
        StringBuilder why = new StringBuilder();
        if (DockerImageProbe.ensure(ryuk, why) == DockerImageProbe.Result.UNAVAILABLE) {
            throw new VerificationUnavailableException("Testcontainers needs its helper image " + ryuk
                    + ", which cannot be pulled here (" + Errors.oneLine(why.toString()) + "); pull it, or set"
                    + " TESTCONTAINERS_RYUK_DISABLED=true (migsafe removes its containers itself)");
        }
    }

    @Override
    public String mode() {
        return "testcontainers";
    }

    @Override
    public ScratchDatabase start(ServerKind kind, ProgressListener progress) {
        ensureRyukImage(progress);
        if (!dockerAvailable()) {
            throw new VerificationUnavailableException("no Docker engine answers: start Docker, or verify with "
                    + (kind.isPostgres() ? "--verify embedded or " : "") + "--verify <JDBC URL of a scratch server>");
        }
        String image = image(kind);
        ensureImage(image, progress);
        JdbcDatabaseContainer<?> container = container(kind, image);
        progress.message("starting " + kind.displayName() + " container " + image);
        // Ryuk (which would remove the container of a killed run) is often off; the ledger stands in
        RunLedger.Entry entry = RunLedger.current().record("containers",
                Map.of("session", DockerClientFactory.SESSION_ID));
        try {
            container.start();
        } catch (RuntimeException e) {
            container.stop();
            entry.forget();
            throw new VerificationUnavailableException("the " + image + " container did not start: "
                    + Errors.message(e), e);
        }
        return new ScratchDatabase(mode(), kind, container.getJdbcUrl(), container.getUsername(),
                container.getPassword(), null, entry.closing(container::stop));
    }

    /**
     * Pulls the image when Docker does not have it, failing at once with a clear message when it
     * cannot be pulled (Testcontainers itself would retry for minutes on a machine without a registry).
     */
    private static void ensureImage(String image, ProgressListener progress) {
        DockerClient client = DockerClientFactory.instance().client();
        try {
            client.inspectImageCmd(image).exec();
            return;
        } catch (NotFoundException absent) {
            // pull it below
        }
        progress.message("pulling " + image);
        try {
            if (!client.pullImageCmd(image).start().awaitCompletion(PULL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                throw new VerificationUnavailableException("pulling " + image + " took more than " + PULL_TIMEOUT.toMinutes()
                        + " minutes; pull it beforehand or choose another image (verify: postgres-image / mysql-image / mariadb-image)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VerificationUnavailableException("interrupted while pulling " + image, e);
        } catch (RuntimeException e) {
            throw new VerificationUnavailableException("cannot pull " + image + ": " + Errors.message(e)
                    + "; pull it beforehand or choose another image (verify: postgres-image / mysql-image / mariadb-image)", e);
        }
    }

    private String image(ServerKind kind) {
        switch (kind) {
            case POSTGRESQL:
                return settings.postgresImage();
            case MARIADB:
                return settings.mariadbImage();
            default:
                return settings.mysqlImage();
        }
    }

    private static JdbcDatabaseContainer<?> container(ServerKind kind, String image) {
        switch (kind) {
            case POSTGRESQL:
                return new PostgreSQLContainer(compatible(image, "postgres"));
            // as root: the lock trace copies the schema into a database of its own, and reads InnoDB's table ids
            case MARIADB:
                return new MariaDBContainer(compatible(image, "mariadb")).withUsername("root");
            default:
                return new MySQLContainer(compatible(image, "mysql")).withUsername("root");
        }
    }

    /** Lets users (and CI) name a mirror or a locally built image in place of the official one. */
    private static DockerImageName compatible(String image, String official) {
        DockerImageName name = DockerImageName.parse(image);
        return name.getUnversionedPart().equals(official) ? name : name.asCompatibleSubstituteFor(official);
    }
}
