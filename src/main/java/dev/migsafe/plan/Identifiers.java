package dev.migsafe.plan;

/** SQL identifiers as the runbook writes them: bare when plain lower case, quoted otherwise. */
final class Identifiers {

    private Identifiers() {
    }

    static String postgres(String name) {
        return name.matches("[a-z_][a-z0-9_]*") ? name : "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
