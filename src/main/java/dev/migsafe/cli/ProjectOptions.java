package dev.migsafe.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/**
 * {@code --project}, {@code --config}, {@code --dialect}, the Liquibase selection ({@code --contexts},
 * {@code --labels}) and the server version ({@code --server-version}, with the dialect-specific aliases
 * {@code --pg-version} and {@code --mysql-version}), shared by the analysing commands.
 */
final class ProjectOptions {

    @Option(names = "--project", paramLabel = "DIR", description = "Project directory (default: current directory).")
    Path project;

    @Option(names = "--config", paramLabel = "FILE", description = "migsafe.yaml to use (default: DIR/migsafe.yaml).")
    Path config;

    @Option(names = "--dialect", paramLabel = "D",
            description = "postgresql or mysql (MariaDB included). Default: migsafe.yaml, else detected, else postgresql.")
    String dialect;

    @Option(names = "--server-version", paramLabel = "V",
            description = "Server version for the lock rules, of the dialect in use: e.g. 16, 9.6, 8.0.28 or mariadb-10.11 "
                    + "(--pg-version / --mysql-version win over it). Default: migsafe.yaml, else PostgreSQL 16 / MySQL 8.0.")
    String serverVersion;

    @Option(names = "--pg-version", paramLabel = "V",
            description = "PostgreSQL server version for the lock rules, e.g. 16 or 9.6 (--server-version for PostgreSQL). "
                    + "Default: --server-version, else migsafe.yaml, else 16.")
    String pgVersion;

    @Option(names = "--mysql-version", paramLabel = "V",
            description = "MySQL/MariaDB server version for the lock rules, e.g. 8.0.28 or mariadb-10.11 (--server-version for "
                    + "MySQL). Default: --server-version, else migsafe.yaml, else 8.0.")
    String mysqlVersion;
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
