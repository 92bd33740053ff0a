package dev.migsafe.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/**
 * {@code --project}, {@code --config}, {@code --dialect} and the Liquibase selection
 * ({@code --contexts}, {@code --labels}), shared by the analysing commands.
 */
final class ProjectOptions {

    @Option(names = "--project", paramLabel = "DIR", description = "Project directory (default: current directory).")
    Path project;

    @Option(names = "--config", paramLabel = "FILE", description = "migsafe.yaml to use (default: DIR/migsafe.yaml).")
    Path config;

    @Option(names = "--dialect", paramLabel = "D",
            description = "postgresql or mysql (MariaDB included). Default: migsafe.yaml, else detected, else postgresql.")
    String dialect;

    @Option(names = "--contexts", paramLabel = "EXPR",
            description = "Liquibase: the contexts of the deployment (e.g. prod, \"prod and !test\"); default: all changeSets.")
    String contexts;

    @Option(names = "--labels", paramLabel = "EXPR",
            description = "Liquibase: the label expression of the deployment (e.g. \"v2 or hotfix\"); default: all changeSets.")
    String labels;

    Path projectOrCurrent() {
        return project != null ? project : Path.of(".");
    }
}
