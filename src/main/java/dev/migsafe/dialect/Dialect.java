package dev.migsafe.dialect;

import java.util.Locale;

import dev.migsafe.dialect.mysql.MySqlServer;
import dev.migsafe.dialect.mysql.MySqlSyntax;
import dev.migsafe.dialect.postgresql.PostgresServer;
import dev.migsafe.dialect.postgresql.PostgresSyntax;

/**
 * The SQL dialects migsafe understands. MariaDB is analysed as MySQL. An enum, so that annotations
 * can name dialects; what differs between them is asked of {@link #syntax()} and {@link #server()},
 * never decided by comparing constants, so a new constant cannot fall into another dialect's branch.
 */
public enum Dialect {
    POSTGRESQL("postgresql", new PostgresSyntax(), new PostgresServer()),
    MYSQL("mysql", new MySqlSyntax(), new MySqlServer());

    private final String id;
    private final Syntax syntax;
    private final Server server;

    Dialect(String id, Syntax syntax, Server server) {
        this.id = id;
        this.syntax = syntax;
        this.server = server;
    }

    public String id() {
        return id;
    }

    /** How scripts of this dialect are written: quoting, comments, names, type spellings. */
    public Syntax syntax() {
        return syntax;
    }

    /** What the server running this dialect is and says: product, versions, error texts, sessions. */
    public Server server() {
        return server;
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
