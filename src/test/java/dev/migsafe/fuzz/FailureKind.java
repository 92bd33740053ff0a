package dev.migsafe.fuzz;

/** The ways a fuzz case can fail; failing cases are reported grouped by these. */
enum FailureKind {
    TIMEOUT("no answer within the per-case timeout (a hang or superlinear time)"),
    ESCAPED_THROWABLE("Main.execute threw instead of returning an exit code"),
    EXIT_CODE("exit code other than 0, 1 or 2"),
    INTERNAL_ERROR("'internal error' reported: a crash turned into exit 2"),
    STACK_TRACE("stack-trace text (\\tat, Exception in thread, java.lang., StackOverflowError) in stdout, stderr or a report"),
    MULTI_LINE_ERROR("exit 2 without exactly one line on stderr"),
    OUTSIDE_FILE_LEAK("content of a file outside the project in stdout, stderr or a report"),
    ENVIRONMENT_LEAK("an environment variable's or JVM property's value in stdout, stderr or a report"),
    WORKFLOW_COMMAND("a line starting with '::' that is not an annotation migsafe made under GITHUB_ACTIONS"),
    TERMINAL_ESCAPE("a raw terminal control character (ESC, BEL, BS, CSI) on stdout or stderr"),
    HALF_WRITTEN("exit 2, yet files were written to the output folder"),
    MISSING_REPORT("exit 0 or 1, yet not every requested report was written");

    final String description;

    FailureKind(String description) {
        this.description = description;
    }
}
