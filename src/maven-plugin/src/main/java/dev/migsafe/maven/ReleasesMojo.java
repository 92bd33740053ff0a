package dev.migsafe.maven;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

import org.apache.maven.plugins.annotations.Parameter;

/** A command on two releases: FROM (deployed, or about to be) and TO (the one to go back to), and how to verify. */
abstract class ReleasesMojo extends AbstractMigsafeMojo {

    /** The release that is (or will be) deployed: a git ref or a release under releases:. */
    @Parameter(property = "migsafe.from")
    String from;

    /** The release to go back to. */
    @Parameter(property = "migsafe.to")
    String to;

    /** Migrations of FROM, as a directory (instead of a release name). */
    @Parameter(property = "migsafe.fromDir")
    File fromDir;

    /** Migrations of TO, as a directory. */
    @Parameter(property = "migsafe.toDir")
    File toDir;

    /** auto, none, testcontainers, embedded or a JDBC URL (default: the command's own). */
    @Parameter(property = "migsafe.verify")
    String verify;

    /** The older release's own tests, run against the new schema. */
    @Parameter(property = "migsafe.oldTests")
    String oldTests;

    /** Report formats, written to outputDirectory. */
    @Parameter(property = "migsafe.formats", defaultValue = "text,json")
    List<String> formats;

    /** The releases and verification options shared by can-rollback and plan. */
    protected List<String> releaseArguments() {
        List<String> args = new ArrayList<>();
        if (from != null) {
            args.add(from);
        }
        if (to != null) {
            args.add(to);
        }
        option(args, "--from-dir", fromDir == null ? null : fromDir.getPath());
        option(args, "--to-dir", toDir == null ? null : toDir.getPath());
        option(args, "--verify", verify);
        option(args, "--old-tests", oldTests);
        return args;
    }

    @Override
    protected List<String> reportArguments() {
        return formatArguments(formats);
    }
}
