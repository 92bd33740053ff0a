package dev.migsafe.rules;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migsafe.dialect.Dialect;

/**
 * The database server version the migrations will run on, for rules whose answer depends on it
 * (PostgreSQL 11 adds columns with a constant default without a rewrite, MySQL 8.0.29 adds and
 * drops columns INSTANT, ...). Comes from {@code --server-version} (or its aliases {@code --pg-version} /
 * {@code --mysql-version}) or {@code server-version:} (or {@code postgres-version:} / {@code mysql-version:})
 * in {@code migsafe.yaml}; the dialect's modern default (PostgreSQL 16, MySQL 8.0) otherwise.
 *
 * @param patch   the patch level, or {@link #LATEST_PATCH} when not given: "8.0" means a current 8.0
 *                release (write 8.0.28 for an older one)
 * @param mariadb the MySQL-dialect server is MariaDB (its versions, 10.x and 11.x, mean other features)
 */
public record ServerVersion(Dialect dialect, int major, int minor, int patch, boolean mariadb) {
    /** "16", "9.6", "8.0.29", "mariadb-10.6", "10.11.4-MariaDB-1:10.11.4", "16.4 (Debian)": 1 to 4 digits a part. */
    private static final Pattern FORM = Pattern.compile("(?:mariadb-?)?(\\d{1,4})(?:\\.(\\d{1,4}))?(?:\\.(\\d{1,4}))?(?:[-+~ (].*)?");

    public static final int LATEST_PATCH = Integer.MAX_VALUE;
    public static final ServerVersion POSTGRES_DEFAULT = defaultFor(Dialect.POSTGRESQL);
    public static final ServerVersion MYSQL_DEFAULT = defaultFor(Dialect.MYSQL);

    public static ServerVersion defaultFor(Dialect dialect) {
        return new ServerVersion(dialect, dialect.server().defaultMajor(), dialect.server().defaultMinor(), LATEST_PATCH, false);
    }

    /**
     * Reads what users write: "16", "9.6", "8.0.29", "mariadb-10.6", "10.11.4-MariaDB". A null or
     * blank text gives the default.
     *
     * @throws IllegalArgumentException naming the accepted forms
     */
    public static ServerVersion parse(Dialect dialect, String text) {
        if (text == null || text.isBlank()) {
            return defaultFor(dialect);
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        boolean mariadb = t.contains("mariadb");
        Matcher m = FORM.matcher(t);
        if (!m.matches() || mariadb && !dialect.server().acceptsMariaDb()) {
            throw new IllegalArgumentException("server version '" + text + "': write it as 16, 9.6, 8.0.29 or "
                    + "mariadb-10.11");
        }
        int major = Integer.parseInt(m.group(1));
        int minor = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        int patch = m.group(3) == null ? LATEST_PATCH : Integer.parseInt(m.group(3));
        if (major < dialect.server().oldestMajor() || major > 99) {
            throw new IllegalArgumentException("server version '" + text + "': no " + product(dialect, mariadb)
                    + " major version " + major + "; write it as 16, 9.6, 8.0.29 or mariadb-10.11");
        }
        return new ServerVersion(dialect, major, minor, patch, mariadb);
    }

    /** This version is {@code major.minor.patch} or later. */
    public boolean atLeast(int major, int minor, int patch) {
        if (this.major != major) {
            return this.major > major;
        }
        if (this.minor != minor) {
            return this.minor > minor;
        }
        return this.patch >= patch;
    }

    public boolean atLeast(int major, int minor) {
        return atLeast(major, minor, 0);
    }

    /** As reports show it: "PostgreSQL 16", "MySQL 8.0.29", "MariaDB 10.6". */
    @Override
    public String toString() {
        String number = mariadb ? major + "." + minor : dialect.server().versionNumber(major, minor);
        return product(dialect, mariadb) + " " + number + (patch != LATEST_PATCH && patch > 0 ? "." + patch : "");
    }

    private static String product(Dialect dialect, boolean mariadb) {
        return mariadb ? "MariaDB" : dialect.server().productName();
    }
}
