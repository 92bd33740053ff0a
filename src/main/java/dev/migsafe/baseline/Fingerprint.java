package dev.migsafe.baseline;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

import dev.migsafe.rules.Finding;

/**
 * A finding's identity across runs: rule ID, file, object and the statement text with case and
 * blanks normalised. The line is left out on purpose, so that a finding keeps its fingerprint when
 * lines are added above it; editing the statement itself makes it a new finding.
 */
public final class Fingerprint {
    /** Version of the recipe, written next to fingerprints so that a future change can be detected. */
    public static final String VERSION = "v1";

    private Fingerprint() {
    }

    public static String of(Finding f) {
        return of(f.ruleId(), f.file(), f.object(), f.statement());
    }

    public static String of(String ruleId, String file, String object, String statement) {
        String key = ruleId + "\n" + file + "\n" + (object == null ? "" : object.toLowerCase(Locale.ROOT)) + "\n"
                + normalise(statement);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Lower case, runs of blanks as one space, no blank next to punctuation, no trailing ellipsis. */
    static String normalise(String statement) {
        if (statement == null) {
            return "";
        }
        String s = statement.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim();
        s = s.replaceAll(" ?([(),;=]) ?", "$1");
        return s.endsWith("...") ? s.substring(0, s.length() - 3) : s;
    }
}
