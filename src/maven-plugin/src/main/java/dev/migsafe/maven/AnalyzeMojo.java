package dev.migsafe.maven;

import java.util.ArrayList;
import java.util.List;

import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code migsafe analyze}: checks the project's migrations (with {@code base}, those the working tree has and
 * the base ref lacks); fails the build on blocking findings, like a failing test.
 */
@Mojo(name = "analyze", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class AnalyzeMojo extends AbstractMigsafeMojo {

    /** Pull-request mode: a git ref (or a release under releases:) to compare against. */
    @Parameter(property = "migsafe.base")
    String base;

    /** error, warning or never: the lowest severity that fails the build. */
    @Parameter(property = "migsafe.failOn", defaultValue = "error")
    String failOn;

    /** Report formats, written to outputDirectory: text, json, sarif, markdown, html, junit, codequality. */
    @Parameter(property = "migsafe.formats", defaultValue = "text,json")
    List<String> formats;

    /** Ignore migsafe-baseline.json: every finding counts. */
    @Parameter(property = "migsafe.noBaseline", defaultValue = "false")
    boolean noBaseline;

    @Override
    protected String command() {
        return "analyze";
    }

    @Override
    protected List<String> commandArguments() {
        List<String> args = new ArrayList<>();
        option(args, "--base", base);
        option(args, "--fail-on", failOn);
        if (noBaseline) {
            args.add("--no-baseline");
        }
        return args;
    }

    @Override
    protected List<String> reportArguments() {
        return formatArguments(formats);
    }
}
