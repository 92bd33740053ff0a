package dev.migsafe.maven;

import java.util.List;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code migsafe plan FROM TO}: the rollback / backup / restore runbook, written to outputDirectory; as on the
 * command line, exit 1 (no safe app-only rollback) fails the build.
 */
@Mojo(name = "plan", threadSafe = true)
public class PlanMojo extends ReleasesMojo {

    /** Database whose migration history gives the restore target (read-only session). */
    @Parameter(property = "migsafe.historyUrl")
    String historyUrl;

    /** Add what to do before shipping FROM. */
    @Parameter(property = "migsafe.beforeDeploy", defaultValue = "false")
    boolean beforeDeploy;

    @Override
    protected String command() {
        return "plan";
    }

    @Override
    protected List<String> commandArguments() {
        List<String> args = new java.util.ArrayList<>(releaseArguments());
        option(args, "--history-url", historyUrl);
        if (beforeDeploy) {
            args.add("--before-deploy");
        }
        return args;
    }
}
