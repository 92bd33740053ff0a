package dev.migsafe.cli;

import java.util.Map;

/**
 * Lets tests outside this package run the CLI as if under GitHub Actions ({@code GITHUB_ACTIONS=true}),
 * without changing the real environment: the CLI reads it through {@link Console#environment}.
 */
public final class GitHubActionsSimulation {
    private GitHubActionsSimulation() {
    }

    /** {@code on}: the CLI sees {@code GITHUB_ACTIONS=true} and nothing else; off: the real environment. */
    public static void set(boolean on) {
        Console.environment = on ? Map.of("GITHUB_ACTIONS", "true")::get : System::getenv;
    }
}
