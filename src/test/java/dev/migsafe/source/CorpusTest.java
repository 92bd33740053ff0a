package dev.migsafe.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import dev.migsafe.dialect.Dialect;
import org.junit.jupiter.api.Test;

import dev.migsafe.test.Corpus;
import dev.migsafe.test.UsesCorpus;

/** Reads the real migration folders of the corpus (../shared/corpus). */
@UsesCorpus
class CorpusTest {

    private static Path corpus(String relative) {
        return Corpus.require(relative);
    }

    @Test
    void marquezFlywayWithReadmeRepeatablesAndGaps() {
        Path project = corpus("marquez");
        MigrationSet set = new MigrationSources().readProject(project, null);
        List<Migration> ms = set.migrations();
        assertEquals(84, ms.size());
        assertEquals(81, ms.stream().filter(m -> m.kind() == Migration.Kind.VERSIONED).count());
        assertEquals("1", ms.get(0).id());
        assertEquals("2", ms.get(1).id());
        assertEquals("2.1", ms.get(2).id());
        assertEquals("74", ms.get(80).id());
        assertEquals(Migration.Kind.REPEATABLE, ms.get(81).kind());
        assertEquals("api/src/main/resources/marquez/db/migration/V1__initial_schema.sql", ms.get(0).up().path());
        assertTrue(set.notes().stream().anyMatch(n -> n.contains("V57__readme.md: skipped")), set.notes().toString());
        assertEquals(Dialect.POSTGRESQL, DialectDetector.fromContent(ms));
    }

    @Test
    void harborUpOnly() {
        Path dir = corpus("harbor/make/migrations/postgresql");
        MigrationSet set = new MigrationSources().read(new SourceLocation(dir, null), Corpus.root().resolve("harbor"), null);
        assertEquals(39, set.size());
        assertEquals("0001", set.migrations().get(0).id());
        assertEquals("0190", set.migrations().get(38).id());
        assertTrue(set.migrations().stream().allMatch(m -> m.format().equals("updown")));
        assertEquals(Dialect.POSTGRESQL, DialectDetector.fromContent(set.migrations()));
    }

    @Test
    void autheliaPerDialectFolders() {
        Path migrations = corpus("authelia/internal/storage/migrations");
        MigrationSources sources = new MigrationSources();
        MigrationSet postgres = sources.read(new SourceLocation(migrations, null), migrations, Dialect.POSTGRESQL);
        MigrationSet mysql = sources.read(new SourceLocation(migrations, null), migrations, Dialect.MYSQL);
        assertEquals(26, postgres.size());
        assertEquals(26, mysql.size());
        assertTrue(postgres.migrations().stream().allMatch(Migration::hasDown));
        assertEquals("postgres/V0001.Initial_Schema.up.sql", postgres.migrations().get(0).up().path());
        assertEquals("0026", mysql.migrations().get(25).id());
        assertEquals(Dialect.MYSQL, DialectDetector.fromContent(mysql.migrations()));
        assertEquals(Dialect.POSTGRESQL, DialectDetector.fromContent(postgres.migrations()));

        MigrationSet found = sources.readProject(corpus("authelia"), Dialect.MYSQL);
        assertEquals("internal/storage/migrations/mysql/V0001.Initial_Schema.up.sql", found.migrations().get(0).up().path());
    }

    @Test
    void harborFoundFromItsProjectRoot() {
        MigrationSet set = new MigrationSources().readProject(corpus("harbor"), null);
        assertEquals(39, set.size());
        assertEquals("make/migrations/postgresql/0001_initial_schema.up.sql", set.migrations().get(0).up().path());
    }
}
