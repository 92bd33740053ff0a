package dev.migsafe.maven;

import java.util.ArrayList;
import java.util.List;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** {@code migsafe baseline}: records today's findings in migsafe-baseline.json so that later analyze runs fail only on new ones. */
@Mojo(name = "baseline", threadSafe = true)
public class BaselineMojo extends AbstractMigsafeMojo {

    /** Pull-request mode, as for analyze. */
    @Parameter(property = "migsafe.base")
    String base;

    @Override
    protected String command() {
        return "baseline";
    }

    @Override
    protected List<String> commandArguments() {
        List<String> args = new ArrayList<>();
        option(args, "--base", base);
        return args;
    }
}
