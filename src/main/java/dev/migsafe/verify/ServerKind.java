package dev.migsafe.verify;

import java.util.Locale;

import dev.migsafe.dialect.Dialect;

/** The database server a verification runs on: what it is called and how it quotes names. */
enum ServerKind {
    POSTGRESQL("PostgreSQL", Dialect.POSTGRESQL, "org.postgresql.Driver"),
    MYSQL("MySQL", Dialect.MYSQL, "com.mysql.cj.jdbc.Driver"),
    MARIADB("MariaDB", Dialect.MYSQL, "org.mariadb.jdbc.Driver");

    private final String displayName;
    private final Dialect dialect;
    private final String jdbcDriver;

    ServerKind(String displayName, Dialect dialect, String jdbcDriver) {
        this.displayName = displayName;
        this.dialect = dialect;
        this.jdbcDriver = jdbcDriver;
    }

    /** The class name of the usual JDBC driver for URLs of this kind, for frameworks told the driver by name. */
    String jdbcDriver() {
        return jdbcDriver;
    }

    String displayName() {
        return displayName;
    }

    boolean isPostgres() {
        return this == POSTGRESQL;
    }

    /** Quotes a name exactly as the catalog stores it. */
    String quote(String identifier) {
        return dialect.syntax().quoted(identifier);
    }

    static ServerKind of(Dialect dialect, VerifySettings settings) {
        return switch (dialect) {
            case POSTGRESQL -> POSTGRESQL;
            case MYSQL -> settings.mysqlServer().equals("mariadb") ? MARIADB : MYSQL;
        };
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
        return dialect;
    }
}
