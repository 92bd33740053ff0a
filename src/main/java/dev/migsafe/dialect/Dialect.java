package dev.migsafe.dialect;

import java.util.Locale;

/** The SQL dialects migsafe understands. MariaDB is analysed as MySQL. */
public enum Dialect {
    POSTGRESQL("postgresql"),
    MYSQL("mysql");

    private final String id;

    Dialect(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** Accepts the names users type: postgresql, postgres, pg, mysql, mariadb. */
    public static Dialect parse(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "postgresql", "postgres", "pg", "pgsql" -> POSTGRESQL;
            case "mysql", "mariadb" -> MYSQL;
            default -> throw new IllegalArgumentException(
                    "unknown dialect '" + value + "': use postgresql or mysql (mariadb)");
        };
    }

    @Override
    public String toString() {
        return id;
    }
}
