package dev.migsafe.source.git;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migsafe.BadInputException;

/** Symbolic links committed to git are followed as a checkout would, and only inside the repository. */
class GitTreeLinksTest {
    @TempDir
    Path dir;
    private GitTree tree;

    @BeforeEach
    void commitLinks() throws IOException {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.write("app/db/migration/V1__init.sql", "CREATE TABLE t (id int);\n");
            link("app/db/current", "migration");                      // a folder beside it
            link("app/db/chain", "../links/next");                     // a link to a link
            link("app/links/next", "../db/migration/V1__init.sql");
            link("app/db/escape", "../../../outside");                 // above the repository's root
            link("app/db/absolute", "/etc/hostname");
            repo.commit("links").getId();
            repo.tag("v1");
        }
        tree = GitRepository.find(dir.resolve("app")).orElseThrow().at("v1");
    }

    @Test
    void aLinkToAFolderInsideIsFollowed() {
        assertTrue(tree.isDirectory("db/current"));
        assertEquals(List.of("V1__init.sql"), tree.files("db/current"));
        assertArrayEquals(bytes("CREATE TABLE t (id int);\n"), tree.file("db/current/V1__init.sql").orElseThrow());
    }

    @Test
    void aChainOfLinksWithDotDotIsFollowed() {
        assertArrayEquals(bytes("CREATE TABLE t (id int);\n"), tree.file("db/chain").orElseThrow());
    }

    @Test
    void linksOutOfTheRepositoryAreRefusedUnread() {
        for (String path : List.of("db/escape", "db/absolute")) {
            BadInputException e = assertThrows(BadInputException.class, () -> tree.file(path), path);
            assertTrue(e.getMessage().contains(path), e::getMessage);
        }
    }

    @Test
    void aMissingPathIsEmpty() {
        assertTrue(tree.file("db/migration/V2__none.sql").isEmpty());
        assertTrue(tree.file("db/current/nothing/deeper").isEmpty());
    }

    private void link(String path, String target) throws IOException {
        Path link = dir.resolve(path);
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, Path.of(target));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
