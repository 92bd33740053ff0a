package dev.migsafe.sample.petstore;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase.Replace;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/** Runs on the Testcontainers JDBC URL of src/test/resources/application.properties. */
@JdbcTest
@AutoConfigureTestDatabase(replace = Replace.NONE)
@Import(OwnerDirectory.class)
class OwnerDirectoryTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    OwnerDirectory directory;

    @Test
    void findsAnOwnerByEmail() {
        jdbc.update("INSERT INTO owner (name, email) VALUES (?, ?)", "Linus", "linus@example.org");

        assertThat(directory.nameByEmail("linus@example.org")).contains("Linus");
        assertThat(directory.nameByEmail("nobody@example.org")).isEmpty();
    }
}
