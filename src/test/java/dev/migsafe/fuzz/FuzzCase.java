package dev.migsafe.fuzz;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One generated input: a project written into a fresh folder, and the command run on it.
 *
 * @param family     the kind of input (sql-mutation, hostile-name, symlink, ...)
 * @param mutation   what was done, in a line (which corpus file, which mutations or which scenario)
 * @param dialect    passed as {@code --dialect} when not null
 * @param github     run as if under GitHub Actions ({@code GITHUB_ACTIONS=true})
 */
record FuzzCase(int index, String family, String mutation, String dialect, Invocation invocation, boolean github,
                ProjectWriter writer) {

    /** Writes the project's files. */
    @FunctionalInterface
    interface ProjectWriter {
        void write(Path project) throws Exception;
    }

    /** How the CLI is run on the project. */
    enum Invocation {
        /** {@code analyze --project P} with every report format written to the output folder. */
        ALL_FORMATS,
        /** {@code analyze --project P --format text}: the report on stdout, where CI reads workflow commands. */
        TEXT_STDOUT,
        /** {@code analyze P/db/migration} (the PATH form, config found from PATH), every format. */
        MIGRATIONS_PATH,
        /** {@code can-rollback --from-dir P/new --to-dir P/old --verify none}, every format. */
        CAN_ROLLBACK,
        /** {@code analyze --base v1} in a git repository, every format. */
        BASE
    }

    static final List<String> ALL_FORMATS = List.of("json", "sarif", "markdown", "html", "junit", "codequality", "text");

    List<String> args(Path project, Path output) {
        List<String> args = new ArrayList<>();
        switch (invocation) {
            case ALL_FORMATS, TEXT_STDOUT -> args.addAll(List.of("analyze", "--project", project.toString()));
            case MIGRATIONS_PATH -> args.addAll(List.of("analyze", project.resolve("db/migration").toString()));
            case CAN_ROLLBACK -> args.addAll(List.of("can-rollback", "--project", project.toString(),
                    "--from-dir", project.resolve("new").toString(), "--to-dir", project.resolve("old").toString(),
                    "--verify", "none"));
            case BASE -> args.addAll(List.of("analyze", "--base", "v1", "--project", project.toString()));
        }
        if (dialect != null) {
            args.addAll(List.of("--dialect", dialect));
        }
        if (invocation == Invocation.TEXT_STDOUT) {
            args.addAll(List.of("--format", "text"));
        } else {
            ALL_FORMATS.forEach(f -> args.addAll(List.of("--format", f)));
            args.addAll(List.of("--output", output.toString()));
        }
        return args;
    }

    boolean writesReports() {
        return invocation != Invocation.TEXT_STDOUT;
    }
}
