package dev.migsafe.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** {@code --project}, {@code --config} and {@code --dialect}, shared by the analysing commands. */
final class ProjectOptions {

    @Option(names = "--project", paramLabel = "DIR", description = "Project directory (default: current directory).")
    Path project;

    @Option(names = "--config", paramLabel = "FILE", description = "migsafe.yaml to use (default: DIR/migsafe.yaml).")
    Path config;

    @Option(names = "--dialect", paramLabel = "D",
            description = "postgresql or mysql (MariaDB included). Default: migsafe.yaml, else detected, else postgresql.")
    String dialect;

    Path projectOrCurrent() {
        return project != null ? project : Path.of(".");
    }
}
