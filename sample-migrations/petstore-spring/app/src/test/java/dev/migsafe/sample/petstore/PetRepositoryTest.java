package dev.migsafe.sample.petstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase.Replace;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.context.annotation.Import;

@DataJpaTest
@AutoConfigureTestDatabase(replace = Replace.NONE)
@Import(TestcontainersConfiguration.class)
class PetRepositoryTest {

    @Autowired
    PetRepository pets;

    @Autowired
    OwnerRepository owners;

    @Test
    void savesAPetWithItsOwner() {
        Owner owner = owners.save(new Owner("Ada", "ada@example.org"));
        Pet saved = pets.save(new Pet("Rex", "dog", LocalDate.of(2020, 5, 1), owner));

        Pet found = pets.findById(saved.getId()).orElseThrow();
        assertThat(found.getName()).isEqualTo("Rex");
        assertThat(found.getSpecies()).isEqualTo("dog");
        assertThat(found.getOwner().getEmail()).isEqualTo("ada@example.org");
    }

    @Test
    void listsThePetsOfOneSpeciesByName() {
        Owner owner = owners.save(new Owner("Grace", "grace@example.org"));
        pets.save(new Pet("Tom", "cat", null, owner));
        pets.save(new Pet("Felix", "cat", null, owner));
        pets.save(new Pet("Rex", "dog", null, owner));

        assertThat(pets.findAllOfSpecies("cat")).extracting(Pet::getName).containsSubsequence("Felix", "Tom");
    }
}
