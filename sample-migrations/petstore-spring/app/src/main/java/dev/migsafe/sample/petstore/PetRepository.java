package dev.migsafe.sample.petstore;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface PetRepository extends JpaRepository<Pet, Long> {

    @Query(value = "SELECT * FROM pet WHERE species = :species ORDER BY name", nativeQuery = true)
    List<Pet> findAllOfSpecies(@Param("species") String species);
}
