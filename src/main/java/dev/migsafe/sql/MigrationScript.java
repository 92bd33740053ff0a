package dev.migsafe.sql;

/**
 * One SQL file (or one section of a file) as read from disk or git.
 *
 * @param path        path shown to users, relative to the project (forward slashes)
 * @param content     the SQL text
 * @param firstLine   line number in {@code path} of the first line of {@code content} (1 for whole
 *                    files; later for a dbmate {@code -- migrate:down} section)
 * @param transaction what the script's settings say about the runner's transaction
 */
public record MigrationScript(String path, String content, int firstLine, TransactionMode transaction) {
    public MigrationScript(String path, String content) {
        this(path, content, 1);
    }

    public MigrationScript(String path, String content, int firstLine) {
        this(path, content, firstLine, TransactionMode.RUNNER_DEFAULT);
    }

    public MigrationScript withTransaction(TransactionMode mode) {
        return new MigrationScript(path, content, firstLine, mode);
    }
}
