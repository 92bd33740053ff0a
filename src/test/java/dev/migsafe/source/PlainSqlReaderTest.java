package dev.migsafe.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlainSqlReaderTest {
    @TempDir
    Path project;

    @Test
    void sortsNamesWithNumbersByValue() {
        Dirs.touch(project, "sql/10_c.sql", "sql/2_b.sql", "sql/1_a.sql", "sql/schema.sql", "sql/README.md");
        MigrationSet set = new PlainSqlReader(new ScriptLoader()).read(new DirectoryFiles(project.resolve("sql"), project));
        assertEquals(List.of("1_a", "2_b", "10_c", "schema"), set.migrations().stream().map(Migration::id).toList());
        assertNull(set.migrations().get(0).version());
        assertEquals(Migration.Kind.VERSIONED, set.migrations().get(0).kind());
        assertEquals(1, set.notes().size());
    }

    @Test
    void naturalOrderComparesDigitRunsByValue() {
        List<String> names = new java.util.ArrayList<>(List.of("v10", "v9", "v09a", "v100", "a"));
        names.sort(NaturalOrder.INSTANCE);
        assertEquals(List.of("a", "v9", "v09a", "v10", "v100"), names);
    }
}
