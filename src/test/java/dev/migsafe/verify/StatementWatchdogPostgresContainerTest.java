package dev.migsafe.verify;

/** The PostgreSQL watchdog cases, LK615 included, on a PostgreSQL container. */
@RequiresDocker
class StatementWatchdogPostgresContainerTest extends StatementWatchdogEmbeddedTest {

    @Override
    ScratchDatabase startDatabase() {
        return new TestcontainersProvider(settings()).start(ServerKind.POSTGRESQL, ProgressListener.NONE);
    }

    @Override
    VerifySettings settings() {
        return TestImages.settings();
    }
}
