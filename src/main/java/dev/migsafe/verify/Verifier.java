package dev.migsafe.verify;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import dev.migsafe.BadInputException;
import dev.migsafe.source.FlywaySettings;
import dev.migsafe.secret.MaskedUrl;
import dev.migsafe.secret.Redactor;

/**
 * Proves on a real database what the static rules suspect: brings up a scratch database, applies
 * the older release with the real engine, seeds it, applies the range, checks that the older release
 * still works (its table contract, then its own tests), and rehearses the rollback. The database is
 * always thrown away afterwards, on failure and Ctrl-C too. It reports; the verdict is decided
 * elsewhere.
 */
public final class Verifier {

    public static final String START = "start database";
    public static final String APPLY_OLDER = "apply older release";
    public static final String SEED = "seed data";
    public static final String LOCK_TRACE = "lock trace";
    public static final String APPLY_RANGE = "apply range";
    public static final String CONTRACT = "older-release contract";
    public static final String OLD_TESTS = "older-release tests";
    public static final String REHEARSAL = "rollback rehearsal";

    /**
     * @throws VerificationUnavailableException when the target the user named explicitly
     *                                          (testcontainers, embedded, a JDBC URL) cannot be had
     * @throws BadInputException                for an unknown target or a JDBC URL of another dialect
     */
    public Verification run(VerifyRequest request, ProgressListener progress) {
        return run(request, progress, System.getenv());
    }

    /**
     * As {@link #run(VerifyRequest, ProgressListener)}, with the environment that may override the settings.
     * Everything it reports, shows or throws has the user's secrets masked: the passwords of the target
     * URL and of the settings, and secret-looking environment values the older release's tests may print.
     */
    Verification run(VerifyRequest request, ProgressListener progress, Map<String, String> environment) {
        VerifySettings settings = request.settings().withEnvironmentOverrides(environment);
        Redactor redactor = new Redactor().withUrl(request.target()).withSecret(settings.jdbcPassword())
                .withSecretEnvironment(environment);
        try {
            return verify(request, settings, new RedactingProgress(progress, redactor)).withText(redactor::scrub);
        } catch (BadInputException e) {
            throw new BadInputException(redactor.scrub(e.getMessage()), e.getCause());
        } catch (VerificationUnavailableException e) {
            throw new VerificationUnavailableException(redactor.scrub(e.getMessage()), e.getCause());
        }
    }

    private Verification verify(VerifyRequest request, VerifySettings settings, ProgressListener progress) {
        String target = request.target();
        String lower = target.toLowerCase(Locale.ROOT);
        if (lower.equals("none")) {
            return Verification.none(Step.skipped(START, "verification not requested (--verify none)"));
        }
        boolean auto = lower.equals("auto");
        RunLedger.current(); // first, remove what killed runs left behind
        ServerKind kind = ServerKind.of(request.dialect(), settings);

        // a target that cannot serve is the user's mistake, said once, before any step is shown
        DatabaseProvider chosen = auto ? null : provider(target, settings);
        if (chosen != null) {
            chosen.check(kind);
        }
        progress.stepStarted(START);
        long start = System.nanoTime();
        Instant deadline = Instant.now().plus(settings.verifyTimeout());
        ScratchDatabase db;
        try {
            db = auto ? startAuto(kind, settings, progress) : chosen.start(kind, progress);
        } catch (RuntimeException e) {
            if (auto && e instanceof VerificationUnavailableException) {
                Step skipped = Step.skipped(START, e.getMessage());
                progress.stepFinished(skipped);
                return Verification.none(skipped);
            }
            progress.stepFinished(Step.failed(START, elapsed(start), e.getMessage(), List.of(String.valueOf(e.getMessage()))));
            throw e;
        }
        try (db) {
            String database = db.describe();
            FlywaySettings flyway = FlywaySettings.read(settings.projectDir());
            ScratchDatabase work = inProjectSchemas(db, request, flyway);
            Step started = Step.passed(START, elapsed(start), database + " (" + db.mode() + ")" + schemasNote(work, flyway));
            progress.stepFinished(started);
            List<Step> steps = new ArrayList<>();
            steps.add(started);
            VerificationRun run = new VerificationRun(work, request, settings, flyway, progress, deadline);
            steps.addAll(run.run());
            return new Verification(db.mode(), database, steps, run.locks());
        }
    }

    /** The database with a Flyway project's own schemas in it, where the scratch database allows it. */
    private static ScratchDatabase inProjectSchemas(ScratchDatabase db, VerifyRequest request, FlywaySettings flyway) {
        boolean usesFlyway = Stream.concat(request.older().stream(), request.range().stream())
                .anyMatch(MigrationApplier::isFlyway);
        if (!usesFlyway) {
            return db;
        }
        try {
            return db.inSchemas(flyway.schemas());
        } catch (SQLException e) {
            throw new VerificationUnavailableException("cannot create the project's Flyway schemas "
                    + String.join(", ", flyway.schemas()) + " in the scratch database: " + Errors.message(e), e);
        }
    }

    /** Says where the migrations run when the project names its schemas and they could not be used as they are. */
    private static String schemasNote(ScratchDatabase work, FlywaySettings flyway) {
        if (flyway.schemas().isEmpty() || flyway.schemas().equals(work.schemas())) {
            return flyway.schemas().isEmpty() ? "" : "; in the project's Flyway schema " + flyway.defaultSchema();
        }
        return "; the project's Flyway schemas (" + String.join(", ", flyway.schemas()) + ") are stood in for by "
                + (work.schema() != null ? "the scratch schema " + work.schema() : "the scratch database")
                + ": creating them here could touch real ones";
    }

    /**
     * Testcontainers when a Docker engine answers, else embedded PostgreSQL; MySQL without Docker
     * needs a JDBC URL.
     */
    private static ScratchDatabase startAuto(ServerKind kind, VerifySettings settings, ProgressListener progress) {
        try {
            TestcontainersProvider.ensureRyukImage(progress);
            if (TestcontainersProvider.dockerAvailable()) {
                return new TestcontainersProvider(settings).start(kind, progress);
            }
            if (!kind.isPostgres()) {
                throw new VerificationUnavailableException(kind.displayName() + " verification needs Docker"
                        + " (no Docker engine answers) or a server: --verify jdbc:" + (kind == ServerKind.MARIADB
                        ? "mariadb" : "mysql") + "://host:3306/db?user=...&password=...");
            }
        } catch (VerificationUnavailableException e) {
            if (!kind.isPostgres()) {
                throw e;
            }
            progress.message(e.getMessage() + "; falling back to embedded PostgreSQL");
        }
        return new EmbeddedPostgresProvider().start(kind, progress);
    }

    private static DatabaseProvider provider(String target, VerifySettings settings) {
        String lower = target.toLowerCase(Locale.ROOT);
        if (lower.equals("testcontainers")) {
            return new TestcontainersProvider(settings);
        }
        if (lower.equals("embedded")) {
            return new EmbeddedPostgresProvider();
        }
        if (lower.startsWith("jdbc:")) {
            return new JdbcUrlProvider(target, settings.jdbcUser(), settings.jdbcPassword());
        }
        throw new BadInputException("--verify " + new MaskedUrl(target) + ": use auto, none, testcontainers, embedded or a JDBC URL");
    }

    private static long elapsed(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
