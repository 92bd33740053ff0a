package dev.migsafe.secret;

import java.util.Comparator;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Masks known secrets in text that migsafe did not write itself and copies into reports: database
 * errors, the older release's test output (which may print its environment), messages that name a URL.
 * A secret is masked wherever it appears, whatever surrounds it.
 */
public final class Redactor {
    static final String MASK = MaskedUrl.MASK;
    /** Shorter secrets given explicitly are still masked; shorter ones would mask ordinary words. */
    private static final int SHORTEST = 3;
    /** Environment values shorter than this are too common to mask ("true", "1", "main"). */
    private static final int SHORTEST_FROM_ENVIRONMENT = 8;
    /** Environment variable names that say their value is a secret (GITHUB_TOKEN, PGPASSWORD, AWS_SECRET_ACCESS_KEY). */
    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(PASSWORD|PASSWD|PASSPHRASE|SECRET|TOKEN|CREDENTIAL|PRIVATE|API_?KEY|ACCESS_?KEY|AUTH|COOKIE|SESSION|(^|_)KEY($|_)).*");

    // longest first, so that a secret containing another is masked whole
    private final TreeSet<String> secrets = new TreeSet<>(Comparator.comparingInt(String::length).reversed()
            .thenComparing(Comparator.naturalOrder()));

    /** Masks {@code secret} (null and blank are ignored). */
    public Redactor withSecret(String secret) {
        if (secret != null && secret.strip().length() >= SHORTEST) {
            secrets.add(secret);
        }
        return this;
    }

    /** Masks every secret the URL carries (its password, secret-bearing parameters). */
    public Redactor withUrl(String url) {
        if (url != null) {
            new MaskedUrl(url).secrets().forEach(this::withSecret);
        }
        return this;
    }

    /** Masks the values of the environment variables whose names say they are secrets. */
    public Redactor withSecretEnvironment(Map<String, String> environment) {
        environment.forEach((name, value) -> {
            if (value != null && value.length() >= SHORTEST_FROM_ENVIRONMENT && SECRET_NAME.matcher(name).matches()) {
                secrets.add(value);
            }
        });
        return this;
    }

    public String scrub(String text) {
        if (text == null || secrets.isEmpty()) {
            return text;
        }
        String out = text;
        for (String secret : secrets) {
            out = out.replace(secret, MASK);
        }
        return out;
    }
}
