package dev.migsafe.secret;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A database URL that may carry secrets, kept out of every message: {@link #toString()} and
 * {@link #scrub(String)} never show them. Secrets are the password of the user-info part
 * ({@code //user:secret@host}, any scheme, JDBC or libpq-style) and the value of every parameter whose
 * name says it holds one ({@code password}, {@code sslpassword}, {@code trustCertificateKeyStorePassword},
 * {@code token}, {@code apiKey}, ...), whether written {@code ?k=v&k=v}, {@code ;k=v} or MySQL's
 * {@code (k=v)} host form.
 */
public final class MaskedUrl {
    static final String MASK = "****";
    /** A parameter whose name says it holds a secret, and its value. */
    private static final Pattern SECRET_PARAM = Pattern.compile(
            "(?i)((?:^|[?&;(,])\\s*[a-z0-9_.\\-]*(?:password|passwd|pwd|passphrase|secret|token|apikey|api_key"
                    + "|accesskey|access_key|credential|privatekey|private_key|signature)[a-z0-9_.\\-]*\\s*=)([^&;)]*)");
    /** {@code scheme://user:password@}: the password, up to the last @ before the path. */
    private static final Pattern USER_INFO = Pattern.compile("(?i)^((?:jdbc:)?[a-z][a-z0-9+.\\-]*(?::[a-z0-9+.\\-]+)*://)([^/@?:]*):([^/?#]*)@");

    private final String url;
    private final List<String> secrets = new ArrayList<>();

    public MaskedUrl(String url) {
        this.url = url == null ? "" : url;
        Matcher p = SECRET_PARAM.matcher(this.url);
        while (p.find()) {
            remember(p.group(2));
        }
        Matcher u = USER_INFO.matcher(this.url);
        if (u.find()) {
            remember(u.group(3));
        }
    }

    private void remember(String secret) {
        if (!secret.isEmpty()) {
            secrets.add(secret);
            try {
                String decoded = URLDecoder.decode(secret, StandardCharsets.UTF_8);
                if (!decoded.equals(secret)) {
                    secrets.add(decoded);
                }
            } catch (IllegalArgumentException notEncoded) {
                // a stray % is part of the secret as written; the raw form is already remembered
            }
        }
    }

    /** The secrets this URL carries, as written and URL-decoded. */
    public List<String> secrets() {
        return List.copyOf(secrets);
    }

    /** The URL as given, for the driver only. */
    public String raw() {
        return url;
    }

    /** Any text (a driver's error message) with every occurrence of the URL's secrets masked. */
    public String scrub(String text) {
        return text == null ? "" : new Redactor().withUrl(url).scrub(text);
    }

    /**
     * What the command-line clients take, without any password: {@code postgresql://user@host:port/db}
     * for PostgreSQL, the database name for MySQL; null when the URL has another shape.
     */
    public String clientTarget() {
        Matcher m = Pattern.compile("^jdbc:(postgresql|mysql|mariadb)://(?:([^/@?:]*)(?::[^/@?]*)?@)?([^/?]*)/([^?;]*)").matcher(url);
        if (!m.find()) {
            return null;
        }
        String user = m.group(2);
        if (user == null) {
            Matcher param = Pattern.compile("(?i)[?&;]user=([^&;]*)").matcher(url);
            user = param.find() ? param.group(1) : null;
        }
        if (!m.group(1).equals("postgresql")) {
            return m.group(4);
        }
        return "postgresql://" + (user == null || user.isEmpty() ? "" : user + "@") + m.group(3) + "/" + m.group(4);
    }

    /** The URL with its secrets masked. */
    @Override
    public String toString() {
        String out = SECRET_PARAM.matcher(url).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + (m.group(2).isEmpty() ? "" : MASK)));
        out = USER_INFO.matcher(out).replaceFirst(m -> Matcher.quoteReplacement(m.group(1) + m.group(2) + ":" + MASK + "@"));
        return scrub(out);
    }
}
