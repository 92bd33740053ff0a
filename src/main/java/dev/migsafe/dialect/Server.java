package dev.migsafe.dialect;

import java.util.List;

/**
 * The database server a dialect runs on: its name, its versions, the errors it reports and the
 * session settings migsafe uses on it. Plain data and texts: no connection is opened here.
 */
public interface Server {

    /** As reports name it: "PostgreSQL", "MySQL". */
    String productName();

    /** The server version assumed when none is configured: a modern one. */
    int defaultMajor();

    int defaultMinor();

    /** The oldest major version accepted as configured (older ones are taken for typing mistakes). */
    int oldestMajor();

    /** A version as the product numbers it: "16" (PostgreSQL 10 and later drop the minor), "9.6", "8.0". */
    String versionNumber(int major, int minor);

    /** MariaDB versions ("mariadb-10.11") are versions of this dialect's server. */
    boolean acceptsMariaDb();

    /** DDL runs inside transactions (PostgreSQL) instead of committing implicitly (MySQL). */
    boolean transactionalDdl();

    /** The names Liquibase's {@code dbms} attribute uses for this server. */
    List<String> liquibaseNames();

    /** The statements that make a session read-only, and keep its queries short, before migsafe reads from it. */
    List<String> readOnlySessionSetup();

    /** The error the server reports for a table that does not exist, quoted as findings cite it. */
    String missingTableError(String table);

    String missingColumnError(String column);

    String notNullViolationError(String table, String column);

    String missingFunctionError(String function);

    /** How a column type change treats the values of the old type: the cast table BC105 and DL202 judge by. */
    TypeCasts typeCasts();
}
