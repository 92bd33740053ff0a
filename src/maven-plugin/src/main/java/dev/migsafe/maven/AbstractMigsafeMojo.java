package dev.migsafe.maven;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.maven.model.Resource;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

import dev.migsafe.cli.Main;

/**
 * Runs one migsafe command in process on the project: {@code --project} is its base directory, the
 * migrations come from {@code migsafe.yaml}, else from the pom's Flyway / Liquibase plugin settings
 * (see {@link GeneratedConfig}), else from Spring Boot's or Flyway's settings files and detection, as
 * the CLI does. Exit code 1 (NO-GO) fails the build like a failing test; 2 and 3 are errors.
 */
abstract class AbstractMigsafeMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    /** Skip migsafe. */
    @Parameter(property = "migsafe.skip", defaultValue = "false")
    protected boolean skip;

    /** Where reports (and the generated configuration) go. */
    @Parameter(property = "migsafe.outputDirectory", defaultValue = "${project.build.directory}/migsafe")
    protected File outputDirectory;

    /** A migsafe.yaml to use instead of the project's own (or of the pom's plugin settings). */
    @Parameter(property = "migsafe.config")
    protected File configFile;

    /** postgresql or mysql (MariaDB included); default: migsafe.yaml, else detected. */
    @Parameter(property = "migsafe.dialect")
    protected String dialect;

    /** Server version for the lock rules, e.g. 16 or 8.0.28. */
    @Parameter(property = "migsafe.serverVersion")
    protected String serverVersion;

    /** The command's name on the migsafe command line. */
    protected abstract String command();

    /** The command's own arguments (releases, options), after the command name. */
    protected abstract List<String> commandArguments();

    /** The report options: {@code --format} and {@code --output}; none for a command that writes no report. */
    protected List<String> reportArguments() {
        return List.of();
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("migsafe: skipped (migsafe.skip)");
            return;
        }
        List<String> args = new ArrayList<>();
        args.add(command());
        args.addAll(commandArguments());
        args.addAll(List.of("--project", project.getBasedir().getPath()));
        configArgument().ifPresent(config -> args.addAll(List.of("--config", config)));
        option(args, "--dialect", dialect);
        option(args, "--server-version", serverVersion);
        args.addAll(reportArguments());
        run(args);
    }

    /** Runs the command line and turns its exit code into the build's outcome. */
    private void run(List<String> args) throws MojoExecutionException, MojoFailureException {
        getLog().debug("migsafe " + String.join(" ", args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
        out.toString().lines().forEach(getLog()::info);
        logReport();
        List<String> messages = err.toString().lines().toList();
        if (code >= 2) {
            // the last "migsafe: ..." line says what to fix: it is the build error, the lines before it are context
            String problem = messages.stream().filter(l -> l.startsWith("migsafe: ")).reduce((a, b) -> b)
                    .orElse("migsafe " + command() + " exited with " + code);
            messages.stream().filter(l -> !l.equals(problem)).forEach(getLog()::info);
            throw new MojoExecutionException(problem);
        }
        messages.forEach(getLog()::info);
        if (code == 1) {
            throw new MojoFailureException("migsafe " + command() + ": NO-GO (blocking findings); reports in "
                    + outputDirectory);
        }
    }

    /** The text report, when one was written, in the build log (a failed build shows why without opening a file). */
    private void logReport() {
        Path text = outputDirectory.toPath().resolve("migsafe-report.txt");
        if (reportArguments().contains("text") && Files.isRegularFile(text)) {
            try {
                Files.readAllLines(text).forEach(getLog()::info);
            } catch (IOException e) {
                getLog().warn("migsafe: cannot read " + text + ": " + e.getMessage());
            }
        }
    }

    /**
     * {@code --config}: the configFile parameter, else nothing when the project has its own migsafe.yaml,
     * else the configuration generated from the pom's Flyway / Liquibase plugins (when they name migrations).
     */
    private Optional<String> configArgument() throws MojoExecutionException {
        if (configFile != null) {
            return Optional.of(configFile.getPath());
        }
        Path basedir = project.getBasedir().toPath();
        if (Files.exists(basedir.resolve("migsafe.yaml"))) {
            return Optional.empty();
        }
        BuildSettings settings = BuildSettings.of(project.getBuildPlugins());
        Optional<String> yaml = GeneratedConfig.yaml(basedir, resourceRoots(basedir), settings);
        if (yaml.isEmpty()) {
            return Optional.empty();
        }
        Path file = outputDirectory.toPath().resolve("migsafe.yaml");
        try {
            GeneratedConfig.write(file, yaml.get());
        } catch (IOException e) {
            throw new MojoExecutionException("migsafe: cannot write " + file + ": " + e.getMessage(), e);
        }
        getLog().info("migsafe: migrations from the pom's plugin settings, written to " + file);
        return Optional.of(file.toString());
    }

    /** The project's resource folders relative to its base directory: what {@code classpath:} means. */
    private List<String> resourceRoots(Path basedir) {
        List<String> roots = new ArrayList<>();
        for (Resource resource : project.getBuild().getResources()) {
            Path dir = basedir.resolve(resource.getDirectory()).normalize();
            if (dir.startsWith(basedir) && resource.getTargetPath() == null) {
                roots.add(basedir.relativize(dir).toString().replace('\\', '/'));
            }
        }
        return roots.isEmpty() ? List.of("src/main/resources") : roots;
    }

    /** Adds {@code name value} when the value is set. */
    protected static void option(List<String> args, String name, String value) {
        if (value != null && !value.isBlank()) {
            args.add(name);
            args.add(value);
        }
    }

    /** {@code --format F --output DIR} for each format. */
    protected List<String> formatArguments(List<String> formats) {
        List<String> args = new ArrayList<>();
        for (String format : formats) {
            args.addAll(List.of("--format", format));
        }
        args.addAll(List.of("--output", outputDirectory.getPath()));
        return args;
    }
}
