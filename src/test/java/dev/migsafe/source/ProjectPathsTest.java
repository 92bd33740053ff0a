package dev.migsafe.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class ProjectPathsTest {
    @Test
    void insideTheProjectIsRelativeWithForwardSlashes() {
        Path project = Path.of("/work/app");
        assertEquals("db/migration/V1__a.sql", new ProjectPaths(project).display(Path.of("/work/app/db/migration/V1__a.sql")));
        assertEquals("db/V1__a.sql", new ProjectPaths(project).display(Path.of("/work/app/x/../db/V1__a.sql")));
    }

    @Test
    void outsideTheProjectIsThePathAsGiven() {
        assertEquals("../old/V1__a.sql", new ProjectPaths(Path.of("/work/app")).display(Path.of("../old/V1__a.sql")));
        assertEquals("/elsewhere/V1__a.sql", new ProjectPaths(Path.of("/work/app")).display(Path.of("/elsewhere/V1__a.sql")));
    }

    @Test
    void relativeProjectDirectory() {
        assertEquals("db/V1__a.sql", new ProjectPaths(Path.of(".")).display(Path.of("db/V1__a.sql")));
        assertEquals("db/V1__a.sql", new ProjectPaths(Path.of("")).display(Path.of("./db/V1__a.sql")));
    }
}
