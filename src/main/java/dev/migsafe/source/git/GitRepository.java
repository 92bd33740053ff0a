package dev.migsafe.source.git;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import org.eclipse.jgit.errors.AmbiguousObjectException;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

import dev.migsafe.BadInputException;

/**
 * The git repository a project lives in, opened read-only with JGit: resolves the refs users type
 * (tags, annotated tags, branches, remote branches, commit ids, {@code HEAD~2}) to the project's
 * files at that commit. Nothing is checked out.
 */
public final class GitRepository implements AutoCloseable {
    private final Repository repository;
    private final String projectPrefix;

    private GitRepository(Repository repository, String projectPrefix) {
        this.repository = repository;
        this.projectPrefix = projectPrefix;
    }

    /** The repository holding {@code projectDir}, or empty when it is not inside a git work tree. */
    public static Optional<GitRepository> find(Path projectDir) {
        Path project = projectDir.toAbsolutePath().normalize();
        FileRepositoryBuilder builder = new FileRepositoryBuilder().readEnvironment().findGitDir(project.toFile());
        if (builder.getGitDir() == null) {
            return Optional.empty();
        }
        try {
            Repository repository = builder.setMustExist(true).build();
            if (repository.isBare()) {
                repository.close();
                return Optional.empty();
            }
            Path workTree = repository.getWorkTree().toPath().toAbsolutePath().normalize();
            String prefix = project.startsWith(workTree) ? workTree.relativize(project).toString().replace('\\', '/') : "";
            return Optional.of(new GitRepository(repository, prefix));
        } catch (IOException | IllegalArgumentException e) {
            throw new BadInputException(project + ": cannot open its git repository (" + e.getMessage() + ")", e);
        }
    }

    /** A shallow clone (CI's default) lacks older commits and tags: {@code .git/shallow} exists. */
    public boolean isShallow() {
        return new File(repository.getDirectory(), "shallow").exists();
    }

    /** Whether {@code ref} names a commit here; never throws for a missing or malformed ref. */
    public boolean resolves(String ref) {
        try {
            return commitId(ref) != null;
        } catch (IOException | RevisionSyntaxException e) {
            return false;
        }
    }

    /**
     * The project's files at {@code ref}.
     *
     * @throws BadInputException for a ref that does not exist (saying how to fetch it in a shallow
     *                           clone), is ambiguous, or whose commit is missing
     */
    public GitTree at(String ref) {
        ObjectId id;
        try {
            id = commitId(ref);
        } catch (AmbiguousObjectException e) {
            throw new BadInputException("'" + ref + "' matches several git objects; give more characters of the commit id");
        } catch (IncorrectObjectTypeException e) {
            throw new BadInputException("'" + ref + "' is not a commit (nor a tag of one); give a tag, branch or commit");
        } catch (RevisionSyntaxException e) {
            throw new BadInputException("'" + ref + "' is not a valid git ref (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new BadInputException("'" + ref + "': cannot read it from git (" + e.getMessage() + ")", e);
        }
        if (id == null) {
            throw missing(ref);
        }
        try (RevWalk walk = new RevWalk(repository)) {
            RevCommit commit = walk.parseCommit(id);
            return new GitTree(repository, commit, projectPrefix, ref);
        } catch (MissingObjectException e) {
            throw missing(ref);
        } catch (IOException e) {
            throw new BadInputException("'" + ref + "': cannot read its commit from git (" + e.getMessage() + ")", e);
        }
    }

    private ObjectId commitId(String ref) throws IOException {
        // ^{commit} peels annotated tags down to the commit they tag
        return repository.resolve(ref + "^{commit}");
    }

    private BadInputException missing(String ref) {
        return new BadInputException(missingRef(ref));
    }

    /** Why {@code ref} is not found, and what to do: fetch the history of a shallow clone, or check the name. */
    public String missingRef(String ref) {
        String where = repository.getWorkTree().getPath();
        if (isShallow()) {
            return "'" + ref + "' is not in the git repository at " + where + ", which is a shallow clone"
                    + " (.git/shallow): fetch the history and tags with git fetch --unshallow --tags (in CI: check out"
                    + " with fetch-depth: 0), then retry";
        }
        return "'" + ref + "' is not a git tag, branch or commit of " + where
                + "; check the name (git tag --list), or git fetch --tags";
    }

    @Override
    public void close() {
        repository.close();
    }
}
