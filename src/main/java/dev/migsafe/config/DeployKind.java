package dev.migsafe.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How the application is deployed, which shapes the planner's rollback steps. */
public enum DeployKind {
    KUBERNETES("kubernetes"),
    SYMLINK("symlink"),
    BLUE_GREEN("blue-green"),
    GENERIC("generic");

    private final String id;

    DeployKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** @throws IllegalArgumentException naming the known kinds */
    public static DeployKind parse(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.id.equals(v)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown deploy kind '" + value + "'; use one of "
                        + Arrays.stream(values()).map(DeployKind::id).collect(Collectors.joining(", "))));
    }

    @Override
    public String toString() {
        return id;
    }
}
