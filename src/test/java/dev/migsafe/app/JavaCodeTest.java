package dev.migsafe.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which source files are worth parsing: any that could hold a mapping, SQL or a constant to fold. */
class JavaCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "@jakarta.persistence.Entity class Pet { Long id; }",
            "@Embeddable class Address { String street; }",
            "@MappedSuperclass abstract class Base { Long id; }",
            "@org.springframework.data.relational.core.mapping.Table(\"pet\") record Pet(Long id) {}",
            "interface Pets { @Query(value = \"SELECT 1\", nativeQuery = true) int one(); }",
            "class Sql { static final String FIND = \"SELECT id FROM pet\"; }",
            "class Columns { public static final String NAME = \"name\"; }",
            "class Columns { final static String NAME = \"name\"; }",
            "class Dao { Object find(JdbcTemplate t) { return t.queryForObject(q(), Object.class); } }",
            "class Dao { void run(Connection c) throws Exception { c.prepareStatement(text).execute(); } }",
            "public class PetTable extends TableImpl<PetRecord> {}",
    })
    void filesThatMayUseTheDatabaseAreParsed(String source) {
        assertTrue(JavaCode.mayUseDatabase(source), source);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "@RestController class PetController { @GetMapping(\"/pets\") List<PetDto> list() { return service.list(); } }",
            "record PetDto(Long id, String name) {}",
            "class PetService { private final PetRepository pets; List<Pet> list() { return pets.findAll(); } }",
    })
    void filesThatCannotAreNot(String source) {
        assertFalse(JavaCode.mayUseDatabase(source), source);
    }
}
