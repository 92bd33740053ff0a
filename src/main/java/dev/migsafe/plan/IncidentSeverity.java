package dev.migsafe.plan;

import java.util.Locale;

import dev.migsafe.BadInputException;

/** How bad the incident is ({@code --severity}); it weighs time to fix against data impact. */
public enum IncidentSeverity {
    /** Degraded but working: no hurry, never trade data for time. */
    LOW,
    /** A feature is broken for users: back within the hour, data loss only if it can be recovered. */
    HIGH,
    /** The service is down: fastest way back that keeps the data recoverable. */
    CRITICAL;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static IncidentSeverity parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--severity " + value + ": use low, high or critical");
        }
    }
}
