package dev.migsafe.verify;

import dev.migsafe.dialect.Dialect;

/** Every scenario on a MariaDB container (local/mariadb:10.11 in CI, mariadb:11.4 elsewhere). */
@RequiresDocker
class TestcontainersMariaDbVerifierTest extends VerifierScenarios {

    @Override
    Dialect dialect() {
        return Dialect.MYSQL;
    }

    @Override
    String target() {
        return "testcontainers";
    }

    @Override
    VerifySettings settings() {
        return TestImages.settings().withMysqlServer("mariadb");
    }
}
