package dev.migsafe.config;

import dev.migsafe.dialect.Dialect;
import dev.migsafe.source.MigrationSet;
import dev.migsafe.source.git.GitRepository;
import dev.migsafe.source.git.GitTree;

/**
 * The migrations of a release given as a git ref: the project as it was at that commit, read the way
 * the working tree is read, with the {@code migsafe.yaml} of that commit (projects move their
 * migrations folder between releases), else detection at that commit.
 */
public final class GitReleases {
    private final GitRepository repository;
    private final ProjectSources sources;

    public GitReleases(GitRepository repository, ProjectSources sources) {
        this.repository = repository;
        this.sources = sources;
    }

    /**
     * @param dialect picks the folder of a per-dialect layout; null: the one configured at the ref
     * @throws dev.migsafe.BadInputException for an unknown ref, or a commit without migrations
     */
    public MigrationSet at(String ref, Dialect dialect) {
        return at(ref, dialect, ProjectConfig.empty());
    }

    /**
     * As {@link #at(String, Dialect)}; {@code fallback} is the configuration of a commit without a
     * {@code migsafe.yaml} (the one given with {@code --config}, e.g. the Maven plugin's, which lives outside git).
     */
    public MigrationSet at(String ref, Dialect dialect, ProjectConfig fallback) {
        GitTree tree = repository.at(ref);
        ProjectConfig config = tree.file(ProjectConfig.FILE_NAME)
                .map(bytes -> ProjectConfig.parse(ProjectConfig.FILE_NAME + " at " + ref, bytes))
                .orElse(fallback);
        return sources.load(tree, config, dialect);
    }
}
