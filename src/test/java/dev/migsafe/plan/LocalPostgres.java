package dev.migsafe.plan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL server run from the machine's own binaries, the same major as its pg_dump, so that
 * the commands a plan prints (pg_dump, pg_restore, psql, pg_ctl, WAL recovery) can be run for real.
 * When the test runs as root, every command runs as the {@code postgres} user (PostgreSQL refuses root).
 */
final class LocalPostgres {
    final Path bin;

    private LocalPostgres(Path bin) {
        this.bin = bin;
    }

    /** The server binaries matching pg_dump on PATH, or empty with the reason printed. */
    static Optional<LocalPostgres> find() {
        try {
            Shell.Result version = Shell.run(List.of("pg_dump", "--version"), Map.of(), null, false);
            String major = version.output().replaceAll("(?s).*?\\(PostgreSQL\\) (\\d+).*", "$1").trim();
            Path bin = Path.of("/usr/lib/postgresql", major, "bin");
            for (String tool : List.of("initdb", "pg_ctl", "postgres", "pg_basebackup", "psql", "pg_restore")) {
                if (!Files.isExecutable(bin.resolve(tool))) {
                    System.err.println("skipped: " + bin.resolve(tool) + " not found (install postgresql-" + major + ")");
                    return Optional.empty();
                }
            }
            if (asRoot() && !Files.exists(Path.of("/usr/sbin/runuser"))) {
                System.err.println("skipped: running as root without runuser to start PostgreSQL as postgres");
                return Optional.empty();
            }
            return Optional.of(new LocalPostgres(bin));
        } catch (IOException e) {
            System.err.println("skipped: no pg_dump on PATH (install postgresql-client): " + e.getMessage());
            return Optional.empty();
        }
    }

    static boolean asRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** Makes a directory usable by the user the commands run as. */
    static void share(Path dir) throws IOException {
        if (asRoot()) {
            Shell.run(List.of("chown", "-R", "postgres:postgres", dir.toString()), Map.of(), null, false).check();
        }
    }

    /** Runs a bash snippet (as postgres when root) with these variables, the server binaries first on PATH. */
    Shell.Result bash(String script, Map<String, String> env, Path cwd) throws IOException {
        Map<String, String> all = new java.util.LinkedHashMap<>(env);
        all.put("PATH", bin + ":" + System.getenv("PATH"));
        all.put("PGCONNECT_TIMEOUT", "10");
        List<String> command = new ArrayList<>();
        if (asRoot()) {
            command.addAll(List.of("runuser", "-u", "postgres", "--", "env"));
            all.forEach((k, v) -> command.add(k + "=" + v));
            command.addAll(List.of("bash", "-euo", "pipefail", "-c", script));
            return Shell.run(command, Map.of(), cwd, true);
        }
        command.addAll(List.of("bash", "-euo", "pipefail", "-c", script));
        return Shell.run(command, all, cwd, true);
    }

    /** Minimal process runner for the test. */
    static final class Shell {
        record Result(int exit, String output, String command) {
            Result check() {
                if (exit != 0) {
                    throw new AssertionError("exit " + exit + " from:\n" + command + "\n--- output\n" + output);
                }
                return this;
            }
        }

        static Result run(List<String> command, Map<String, String> env, Path cwd, boolean describeLast) throws IOException {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            pb.environment().putAll(env);
            if (cwd != null) {
                pb.directory(cwd.toFile());
            }
            Process p = pb.start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes());
            try {
                if (!p.waitFor(5, TimeUnit.MINUTES)) {
                    p.destroyForcibly();
                    throw new AssertionError("timed out: " + command);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            return new Result(p.exitValue(), out, describeLast ? command.get(command.size() - 1) : String.join(" ", command));
        }
    }
}
