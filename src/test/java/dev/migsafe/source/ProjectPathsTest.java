package dev.migsafe.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class ProjectPathsTest {
    @Test
    void insideTheProjectIsRelativeWithForwardSlashes() {
        Path project = Path.of("/srv/app");
        assertEquals("db/migration/V1__a.sql", new ProjectPaths(project).display(Path.of("/srv/app/db/migration/V1__a.sql")));
        assertEquals("db/V1__a.sql", new ProjectPaths(project).display(Path.of("/srv/app/x/../db/V1__a.sql")));
    }

    @Test
    void outsideTheProjectIsThePathAsGiven() {
        assertEquals("../old/V1__a.sql", new ProjectPaths(Path.of("/srv/app")).display(Path.of("../old/V1__a.sql")));
        assertEquals("/elsewhere/V1__a.sql", new ProjectPaths(Path.of("/srv/app")).display(Path.of("/elsewhere/V1__a.sql")));
    }

    @Test
    void relativeProjectDirectory() {
        assertEquals("db/V1__a.sql", new ProjectPaths(Path.of(".")).display(Path.of("db/V1__a.sql")));
        assertEquals("db/V1__a.sql", new ProjectPaths(Path.of("")).display(Path.of("./db/V1__a.sql")));
    }
}
