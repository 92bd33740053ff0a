package dev.migsafe.dialect.mysql;

import java.util.List;

import dev.migsafe.dialect.Server;
import dev.migsafe.dialect.TypeCasts;

/** The MySQL server, MariaDB included: versions, error texts and session settings. */
public final class MySqlServer implements Server {

    @Override
    public String productName() {
        return "MySQL";
    }

    @Override
    public int defaultMajor() {
        return 8;
    }

    @Override
    public int defaultMinor() {
        return 0;
    }

    @Override
    public int oldestMajor() {
        return 5;
    }

    @Override
    public String versionNumber(int major, int minor) {
        return major + "." + minor;
    }

    @Override
    public boolean acceptsMariaDb() {
        return true;
    }

    @Override
    public boolean transactionalDdl() {
        return false; // every DDL statement commits
    }

    @Override
    public List<String> liquibaseNames() {
        return List.of("mysql", "mariadb");
    }

    @Override
    public List<String> readOnlySessionSetup() {
        return List.of("SET SESSION TRANSACTION READ ONLY");
    }

    @Override
    public String missingTableError(String table) {
        return "'Table '" + table + "' doesn't exist'";
    }

    @Override
    public String missingColumnError(String column) {
        return "'Unknown column '" + column + "''";
    }

    @Override
    public String notNullViolationError(String table, String column) {
        return "'Field '" + column + "' doesn't have a default value'";
    }

    @Override
    public String missingFunctionError(String function) {
        return "'FUNCTION " + function + " does not exist'";
    }

    @Override
    public TypeCasts typeCasts() {
        return MySqlTypeCasts.TABLE;
    }
}
