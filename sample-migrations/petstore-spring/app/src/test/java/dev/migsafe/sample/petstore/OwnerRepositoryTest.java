package dev.migsafe.sample.petstore;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.test.context.ActiveProfiles;

/** On its own, an embedded H2 replaces the datasource (@DataJpaTest's default) with the "h2" profile. */
@DataJpaTest
@ActiveProfiles("h2")
class OwnerRepositoryTest {

    @Autowired
    OwnerRepository owners;

    @Test
    void findsASavedOwner() {
        Owner saved = owners.save(new Owner("Barbara", "barbara@example.org"));

        assertThat(owners.findById(saved.getId())).get().extracting(Owner::getEmail).isEqualTo("barbara@example.org");
    }
}
