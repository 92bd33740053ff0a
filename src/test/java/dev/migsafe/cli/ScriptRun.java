package dev.migsafe.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the repository's shell integrations (pre-commit hook, GitHub Action steps) as real processes,
 * with migsafe from the classes under test ({@code MIGSAFE}) instead of a jar build.
 *
 * @param output stdout and stderr, interleaved
 */
record ScriptRun(int exitCode, String output) {
    /** The repository's root (tests run from it). */
    static final Path REPO = Path.of("").toAbsolutePath();

    /** An executable in {@code dir} that runs this build's migsafe, for {@code MIGSAFE}. */
    static Path migsafeLauncher(Path dir) throws IOException {
        Path launcher = dir.resolve("migsafe-under-test");
        Files.writeString(launcher, "#!/bin/sh\nexec '" + javaBinary() + "' -XX:TieredStopAtLevel=1 -cp '"
                + System.getProperty("java.class.path") + "' dev.migsafe.cli.Main \"$@\"\n");
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        return launcher;
    }

    /** Runs a command in {@code dir} with git's user settings isolated from the machine's. */
    static ScriptRun run(Path dir, Map<String, String> env, List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("GIT_CONFIG_GLOBAL", "/dev/null");
        pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        pb.environment().putAll(Map.of("GIT_AUTHOR_NAME", "t", "GIT_AUTHOR_EMAIL", "t@example.com",
                "GIT_COMMITTER_NAME", "t", "GIT_COMMITTER_EMAIL", "t@example.com"));
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("timed out: " + command);
        }
        return new ScriptRun(p.exitValue(), out);
    }

    /** Runs a command that must succeed; returns its output. */
    static String ok(Path dir, String... command) throws IOException, InterruptedException {
        ScriptRun r = run(dir, Map.of(), List.of(command));
        if (r.exitCode() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + r.output());
        }
        return r.output();
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
