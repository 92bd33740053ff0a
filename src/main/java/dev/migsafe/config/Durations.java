package dev.migsafe.config;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as users write them in options and migsafe.yaml: {@code 500ms}, {@code 30s}, {@code 15m}, {@code 2h}. */
public final class Durations {
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h)");
    private static final Duration MAX = Duration.ofDays(7);

    private Durations() {
    }

    /** @throws IllegalArgumentException worded for the user, for anything else (zero, negative, no unit, over 7 days) */
    public static Duration parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        Matcher m = DURATION.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration: write a whole number with ms, s, m or h,"
                    + " e.g. 30s or 15m");
        }
        long n = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
        if (d.isZero() || d.compareTo(MAX) > 0) {
            throw new IllegalArgumentException("'" + text + "' is out of range: give a duration above 0 and at most 7 days"
                    + " (168h)");
        }
        return d;
    }

    /** "30s", "15m", "500ms": the shortest way {@link #parse} reads back. */
    public static String show(Duration d) {
        long ms = d.toMillis();
        if (ms % 3_600_000 == 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms % 60_000 == 0) {
            return ms / 60_000 + "m";
        }
        return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
    }
}
