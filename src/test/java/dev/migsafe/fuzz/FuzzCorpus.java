package dev.migsafe.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The real migration files the fuzz cases mutate, read in place from {@code ../shared/corpus}
 * (override with {@code -Dmigsafe.corpus=DIR}): PostgreSQL and MySQL scripts, and Liquibase XML
 * changelogs. Files are listed in a fixed order so that a seed always picks the same ones.
 */
final class FuzzCorpus {
    static final String PROPERTY = "migsafe.corpus";
    /** Keeps a case fast: the largest corpus scripts add time, not new shapes. */
    private static final long MAX_SEED_BYTES = 64 * 1024;

    /** One corpus file and the files of its folder before it (the history it builds on). */
    record Seed(Path file, String dialect, String kind, List<Path> earlier) {
        String text() {
            try {
                return Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final Path root;
    final List<Seed> sql = new ArrayList<>();
    final List<Seed> changelogs = new ArrayList<>();

    private FuzzCorpus(Path root) {
        this.root = root;
    }

    static Path location() {
        return dev.migsafe.test.Corpus.root();
    }

    /** The corpus, or null when its folder is absent or holds no usable file. */
    static FuzzCorpus load() throws IOException {
        Path root = location();
        if (!Files.isDirectory(root)) {
            return null;
        }
        FuzzCorpus corpus = new FuzzCorpus(root);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).sorted(Comparator.comparing(Path::toString)).toList();
        }
        for (Path f : files) {
            String name = f.getFileName().toString();
            String path = root.relativize(f).toString().replace('\\', '/');
            if (Files.size(f) > MAX_SEED_BYTES || path.contains("sqlite") || path.startsWith("peer-cases")) {
                continue;
            }
            if (name.endsWith(".sql") && !name.contains(".down.")) {
                String dialect = path.contains("/mysql/") ? "mysql" : "postgresql";
                corpus.sql.add(new Seed(f, dialect, "sql", earlier(files, f, ".sql")));
            } else if (name.endsWith(".xml") && Files.readString(f, StandardCharsets.ISO_8859_1).contains("databaseChangeLog")) {
                corpus.changelogs.add(new Seed(f, "postgresql", "liquibase", List.of()));
            }
        }
        return corpus.sql.isEmpty() || corpus.changelogs.isEmpty() ? null : corpus;
    }

    String display(Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    /** Up to two files of the same folder sorting before {@code file}: schema context for the mutated one. */
    private static List<Path> earlier(List<Path> all, Path file, String suffix) {
        List<Path> before = all.stream()
                .filter(p -> p.getParent().equals(file.getParent()) && p.toString().endsWith(suffix)
                        && !p.getFileName().toString().contains(".down.")
                        && p.getFileName().toString().compareTo(file.getFileName().toString()) < 0)
                .toList();
        return before.subList(Math.max(0, before.size() - 2), before.size());
    }
}
