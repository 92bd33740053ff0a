package dev.migsafe.verify;

import java.util.List;

import dev.migsafe.dialect.Dialect;

/** The lock trace's PostgreSQL statement table on a Testcontainers PostgreSQL (the image configured for the tests). */
@RequiresDocker
class LockTracePostgresContainerTest extends LockTraceCases {

    @Override
    Dialect dialect() {
        return Dialect.POSTGRESQL;
    }

    @Override
    String target() {
        return "testcontainers";
    }

    @Override
    VerifySettings settings() {
        return TestImages.settings();
    }

    @Override
    List<Case> cases() {
        return LockTracePostgresTest.postgresCases();
    }
}
