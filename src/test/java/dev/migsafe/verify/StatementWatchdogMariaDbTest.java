package dev.migsafe.verify;

/** The watchdog on a MariaDB container: a metadata-lock wait behind another session's open transaction. */
@RequiresDocker
class StatementWatchdogMariaDbTest extends StatementWatchdogScenarios {

    @Override
    ScratchDatabase startDatabase() {
        return new TestcontainersProvider(settings()).start(ServerKind.MARIADB, ProgressListener.NONE);
    }

    @Override
    VerifySettings settings() {
        return TestImages.settings().withMysqlServer("mariadb");
    }

    @Override
    String longStatement() {
        return "SELECT SLEEP(60);";
    }
}
