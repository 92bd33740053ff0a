package dev.migsafe.rules;

import java.util.Locale;

public enum Severity {
    ERROR, WARNING, INFO;

    public String id() { return name().toLowerCase(Locale.ROOT); }

    public static Severity parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown severity '" + s + "': use error, warning or info");
        }
    }
}
