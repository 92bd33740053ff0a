package dev.migsafe.plan.history;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JDBC URL that may carry a password ({@code ?password=...}, {@code //user:secret@host}), kept
 * out of every message: {@link #toString()} and {@link #scrub(String)} never show the secret.
 */
public final class MaskedUrl {
    static final String MASK = "****";
    private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)((?:^|[?&;])password=)([^&;]*)");
    private static final Pattern USER_INFO = Pattern.compile("^(jdbc:[a-z0-9]+://)([^/@?]*?):([^/@?]*)@");

    private final String url;
    private final List<String> secrets = new ArrayList<>();

    public MaskedUrl(String url) {
        this.url = url;
        Matcher p = PASSWORD_PARAM.matcher(url);
        while (p.find()) {
            remember(p.group(2));
        }
        Matcher u = USER_INFO.matcher(url);
        if (u.find()) {
            remember(u.group(3));
        }
    }

    private void remember(String secret) {
        if (!secret.isEmpty()) {
            secrets.add(secret);
            String decoded = URLDecoder.decode(secret, StandardCharsets.UTF_8);
            if (!decoded.equals(secret)) {
                secrets.add(decoded);
            }
        }
    }

    /** The URL as given, for the driver only. */
    String raw() {
        return url;
    }

    /** Any text (a driver's error message) with every occurrence of the password masked. */
    public String scrub(String text) {
        if (text == null) {
            return "";
        }
        String out = text;
        for (String s : secrets) {
            out = out.replace(s, MASK);
        }
        return out;
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

    /** The URL with the password masked. */
    @Override
    public String toString() {
        String out = PASSWORD_PARAM.matcher(url).replaceAll("$1" + MASK);
        out = USER_INFO.matcher(out).replaceFirst("$1$2:" + MASK + "@");
        return scrub(out);
    }
}
