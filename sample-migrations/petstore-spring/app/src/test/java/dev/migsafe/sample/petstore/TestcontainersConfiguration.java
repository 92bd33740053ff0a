package dev.migsafe.sample.petstore;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The PostgreSQL container the tests run on, as Spring Initializr generates it; skipped when
 * migsafe runs these tests against its own database (it sets MIGSAFE_JDBC_URL), because a
 * {@code @ServiceConnection} wins over every datasource property.
 */
@TestConfiguration(proxyBeanMethods = false)
@ConditionalOnExpression("'${MIGSAFE_JDBC_URL:}'.isEmpty()")
class TestcontainersConfiguration {

    @Bean
    @ServiceConnection
    PostgreSQLContainer<?> postgresContainer() {
        return new PostgreSQLContainer<>(DockerImageName.parse("postgres:16-alpine"));
    }
}
