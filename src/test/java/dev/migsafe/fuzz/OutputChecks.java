package dev.migsafe.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.migsafe.report.ReportFormat;

/**
 * The properties every fuzz case must keep, whatever its input: a documented exit code, a one-line
 * error, no stack trace, nothing read from outside the project, no environment value, no workflow
 * command or terminal escape smuggled in through a name, all reports or none.
 */
final class OutputChecks {
    /** A failed property of one case, with where it showed. */
    record Failure(FailureKind kind, String detail) {
    }

    private static final List<String> STACK_MARKERS = List.of("\tat ", "Exception in thread", "java.lang.", "StackOverflowError");
    /** The annotation line GitHubAnnotationWriter writes; its file property is checked to name a real file. */
    private static final Pattern ANNOTATION = Pattern.compile(
            "::(error|warning|notice) file=([^,:\\n]*)(,line=\\d+)?,title=[A-Z]{2}\\d{3} [a-z0-9-]+::.*");
    private static final int MIN_SECRET_LENGTH = 12;

    private final List<String> secrets;

    /** @param secrets values that must never be printed (environment values, the canary property) */
    private OutputChecks(List<String> secrets) {
        this.secrets = secrets;
    }

    /**
     * The canary property's value, plus each environment value long enough not to appear by chance
     * and not itself the name of an existing file or folder (paths may be printed legitimately).
     */
    static OutputChecks forEnvironment(String canaryPropertyValue) {
        List<String> secrets = new ArrayList<>();
        secrets.add(canaryPropertyValue);
        String javaHome = System.getProperty("java.home");
        for (String value : System.getenv().values()) {
            if (value.length() >= MIN_SECRET_LENGTH && !isPath(value) && !value.equals(javaHome)) {
                secrets.add(value);
            }
        }
        return new OutputChecks(secrets.stream().distinct().toList());
    }

    private static boolean isPath(String value) {
        try {
            return Files.exists(Path.of(value));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    List<Failure> check(FuzzCase c, CaseResult result, Path project, Path output) {
        List<Failure> failures = new ArrayList<>();
        if (result.timedOut()) {
            failures.add(new Failure(FailureKind.TIMEOUT, "after " + result.millis() + " ms"));
            return failures;
        }
        if (result.thrown() != null) {
            failures.add(new Failure(FailureKind.ESCAPED_THROWABLE, String.valueOf(result.thrown())));
        }
        int code = result.exitCode();
        if (result.thrown() == null && (code < 0 || code > 2)) {
            failures.add(new Failure(FailureKind.EXIT_CODE, "exit " + code + "; stderr: " + firstLine(result.err())));
        }
        String inputs = inputs(project);
        Map<String, String> outputs = new LinkedHashMap<>();
        outputs.put("stdout", result.out());
        outputs.put("stderr", result.err());
        Map<String, String> reports = reports(output);
        outputs.putAll(reports);

        if (result.err().contains("internal error") && !inputs.contains("internal error")) {
            failures.add(new Failure(FailureKind.INTERNAL_ERROR, firstLine(result.err())));
        }
        if (code == 2 && result.err().strip().lines().count() != 1) {
            failures.add(new Failure(FailureKind.MULTI_LINE_ERROR, result.err().lines().count() + " line(s): "
                    + shown(result.err(), 0, 160)));
        }
        stackTrace(outputs, inputs).ifPresent(failures::add);
        contains(outputs, Outside.CANARY, true).map(w -> new Failure(FailureKind.OUTSIDE_FILE_LEAK, w)).ifPresent(failures::add);
        for (String secret : secrets) {
            if (!inputs.contains(secret)) {
                var leak = contains(outputs, secret, false);
                if (leak.isPresent()) {
                    failures.add(new Failure(FailureKind.ENVIRONMENT_LEAK, leak.get()));
                    break;
                }
            }
        }
        workflowCommand(c, result, project).ifPresent(failures::add);
        terminalEscape(result).ifPresent(failures::add);
        if (c.writesReports()) {
            if (code == 2 && !reports.isEmpty()) {
                failures.add(new Failure(FailureKind.HALF_WRITTEN, "written: " + reports.keySet()));
            }
            if ((code == 0 || code == 1) && reports.size() < ReportFormat.values().length) {
                failures.add(new Failure(FailureKind.MISSING_REPORT, "written: " + reports.keySet()));
            }
        }
        return failures;
    }

    private static java.util.Optional<Failure> stackTrace(Map<String, String> outputs, String inputs) {
        for (String marker : STACK_MARKERS) {
            if (inputs.contains(marker)) {
                continue; // echoed from the migration itself
            }
            var where = contains(outputs, marker, false);
            if (where.isPresent()) {
                return java.util.Optional.of(new Failure(FailureKind.STACK_TRACE, where.get()));
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * Lines of stdout or stderr that GitHub Actions would read as workflow commands (a line starts after
     * \n or \r). Only migsafe's own annotations may start with "::", only under GITHUB_ACTIONS, only on
     * stdout, and only naming a file of the project.
     */
    private static java.util.Optional<Failure> workflowCommand(FuzzCase c, CaseResult result, Path project) {
        for (var stream : Map.of("stdout", result.out(), "stderr", result.err()).entrySet()) {
            for (String line : stream.getValue().split("\r\n|\r|\n")) {
                if (!line.stripLeading().startsWith("::")) {
                    continue;
                }
                Matcher m = ANNOTATION.matcher(line);
                boolean genuine = c.github() && stream.getKey().equals("stdout") && line.startsWith("::") && m.matches()
                        && namesProjectFile(unescapeProperty(m.group(2)), project);
                if (!genuine) {
                    return java.util.Optional.of(new Failure(FailureKind.WORKFLOW_COMMAND,
                            stream.getKey() + ": " + shown(line, 0, 160)));
                }
            }
        }
        return java.util.Optional.empty();
    }

    /** The annotation names a file of the project, as written or as migsafe prints names (control characters escaped). */
    private static boolean namesProjectFile(String file, Path project) {
        try {
            if (Files.exists(project.resolve(file), LinkOption.NOFOLLOW_LINKS)
                    || Files.exists(Path.of(file), LinkOption.NOFOLLOW_LINKS)) {
                return true;
            }
        } catch (InvalidPathException e) {
            // a name with characters no path may hold: compare with the escaped names below
        }
        try (java.util.stream.Stream<Path> all = Files.walk(project)) {
            return all.map(p -> project.relativize(p).toString().replace('\\', '/'))
                    .anyMatch(name -> dev.migsafe.report.Printable.escape(name).equals(file));
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }

    /** Undoes the Actions toolkit's property escaping (%25 %0D %0A %3A %2C). */
    private static String unescapeProperty(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "\0not a property migsafe escaped";
        }
    }

    private static java.util.Optional<Failure> terminalEscape(CaseResult result) {
        for (var stream : Map.of("stdout", result.out(), "stderr", result.err()).entrySet()) {
            String s = stream.getValue();
            for (int i = 0; i < s.length(); i++) {
                char ch = s.charAt(i);
                if (ch == 0x1B || ch == 0x07 || ch == 0x08 || ch == 0x9B) {
                    return java.util.Optional.of(new Failure(FailureKind.TERMINAL_ESCAPE,
                            stream.getKey() + ": " + shown(s, i, 120)));
                }
            }
        }
        return java.util.Optional.empty();
    }

    /** Where {@code needle} shows first, with some context, or empty. */
    private static java.util.Optional<String> contains(Map<String, String> outputs, String needle, boolean ignoreCase) {
        String n = ignoreCase ? needle.toLowerCase(Locale.ROOT) : needle;
        for (var e : outputs.entrySet()) {
            String hay = ignoreCase ? e.getValue().toLowerCase(Locale.ROOT) : e.getValue();
            int at = hay.indexOf(n);
            if (at >= 0) {
                return java.util.Optional.of(e.getKey() + ": " + shown(e.getValue(), at, 160));
            }
        }
        return java.util.Optional.empty();
    }

    /** Every report file under the output folder, by file name. */
    private static Map<String, String> reports(Path output) {
        Map<String, String> reports = new LinkedHashMap<>();
        if (!Files.isDirectory(output)) {
            return reports;
        }
        try (Stream<Path> walk = Files.walk(output)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                reports.put(output.relativize(p).toString(), new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return reports;
    }

    /** The project's own text (names and regular files, links not followed): what may be echoed back. */
    static String inputs(Path project) {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> walk = Files.walk(project)) {
            for (Path p : walk.sorted().toList()) {
                sb.append(p.getFileName()).append('\n');
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && !isGitInternal(project, p)) {
                    sb.append(new String(Files.readAllBytes(p), StandardCharsets.UTF_8)).append('\n');
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // a hostile tree (a loop, an unreadable name) may refuse a walk; the names read so far do
            sb.append("");
        }
        return sb.toString();
    }

    private static boolean isGitInternal(Path project, Path p) {
        return project.relativize(p).startsWith(".git");
    }

    static String firstLine(String s) {
        String line = s.lines().findFirst().orElse("");
        return shown(line, 0, 200);
    }

    /** Up to {@code max} characters from about {@code at}, control characters made visible. */
    static String shown(String s, int at, int max) {
        int start = Math.max(0, at - 40);
        int end = Math.min(s.length(), start + max);
        return (start > 0 ? "..." : "") + HostileInputs.escape(s.substring(start, end)).replace("\\u000a", "\\n")
                + (end < s.length() ? "..." : "");
    }
}
