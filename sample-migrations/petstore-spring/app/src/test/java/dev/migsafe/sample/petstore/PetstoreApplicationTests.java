package dev.migsafe.sample.petstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

@SpringBootTest
@Import(TestcontainersConfiguration.class)
class PetstoreApplicationTests {

    @Autowired
    OwnerRepository owners;

    @Autowired
    PetRepository pets;

    @Autowired
    OwnerDirectory directory;

    @Test
    void registersPetsForAnOwner() {
        // the database may be shared with other runs: make this owner unique
        String email = "owner-" + UUID.randomUUID() + "@example.org";
        Owner owner = owners.save(new Owner("Margaret", email));
        pets.save(new Pet("Luna", "cat", LocalDate.of(2021, 1, 2), owner));
        pets.save(new Pet("Bolt", "dog", LocalDate.of(2019, 7, 8), owner));

        assertThat(directory.nameByEmail(email)).contains("Margaret");
        assertThat(directory.petCount(owner.getId())).isEqualTo(2);
    }
}
