package dev.migsafe.plan;

import java.util.List;
import java.util.regex.Pattern;

/** Quoting for the shell snippets a runbook prints: every command must survive a copy and paste. */
final class Shell {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=@%+-]+");

    private Shell() {
    }

    /** A word as the shell should see it: bare when safe, single-quoted otherwise. */
    static String quote(String word) {
        return PLAIN.matcher(word).matches() ? word : "'" + word.replace("'", "'\"'\"'") + "'";
    }

    /** SQL for a client's standard input: a quoted heredoc, so neither $ nor quotes are touched. */
    static String heredoc(String command, List<String> sqlLines) {
        return command + " <<'SQL'\n" + String.join("\n", sqlLines) + "\nSQL";
    }

    /** A SQL string literal. */
    static String sqlLiteral(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** A file name part made of the release name: {@code v1.3.0} stays, spaces and slashes do not. */
    static String fileSafe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
