package dev.migsafe.verify;

import java.util.Locale;

import dev.migsafe.dialect.Dialect;

/** The database server a verification runs on: what it is called and how it quotes names. */
enum ServerKind {
    POSTGRESQL("PostgreSQL", '"'),
    MYSQL("MySQL", '`'),
    MARIADB("MariaDB", '`');

    private final String displayName;
    private final char quote;

    ServerKind(String displayName, char quote) {
        this.displayName = displayName;
        this.quote = quote;
    }

    String displayName() {
        return displayName;
    }

    boolean isPostgres() {
        return this == POSTGRESQL;
    }

    /** Quotes a name exactly as the catalog stores it. */
    String quote(String identifier) {
        String q = String.valueOf(quote);
        return q + identifier.replace(q, q + q) + q;
    }

    static ServerKind of(Dialect dialect, VerifySettings settings) {
        if (dialect == Dialect.POSTGRESQL) {
            return POSTGRESQL;
        }
        return settings.mysqlServer().equals("mariadb") ? MARIADB : MYSQL;
    }

    /** The kind a JDBC URL talks to, or null when migsafe does not support it. */
    static ServerKind ofJdbcUrl(String url) {
        String u = url.toLowerCase(Locale.ROOT);
        if (u.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        if (u.startsWith("jdbc:mariadb:")) {
            return MARIADB;
        }
        if (u.startsWith("jdbc:mysql:")) {
            return MYSQL;
        }
        return null;
    }

    Dialect dialect() {
        return isPostgres() ? Dialect.POSTGRESQL : Dialect.MYSQL;
    }
}
