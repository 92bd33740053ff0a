package dev.migsafe.dialect.postgresql;

import java.util.List;

import dev.migsafe.dialect.Server;
import dev.migsafe.dialect.TypeCasts;

/** The PostgreSQL server: versions, error texts and session settings. */
public final class PostgresServer implements Server {

    @Override
    public String productName() {
        return "PostgreSQL";
    }

    @Override
    public int defaultMajor() {
        return 16;
    }

    @Override
    public int defaultMinor() {
        return 0;
    }

    @Override
    public int oldestMajor() {
        return 8;
    }

    @Override
    public String versionNumber(int major, int minor) {
        return major >= 10 ? String.valueOf(major) : major + "." + minor;
    }

    @Override
    public boolean acceptsMariaDb() {
        return false;
    }

    @Override
    public boolean transactionalDdl() {
        return true;
    }

    @Override
    public List<String> liquibaseNames() {
        return List.of("postgresql");
    }

    @Override
    public List<String> readOnlySessionSetup() {
        return List.of("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY",
                "SET statement_timeout = '30s'"); // never a long query on production
    }

    @Override
    public String missingTableError(String table) {
        return "'relation \"" + table + "\" does not exist'";
    }

    @Override
    public String missingColumnError(String column) {
        return "'column \"" + column + "\" does not exist'";
    }

    @Override
    public String notNullViolationError(String table, String column) {
        return "'null value in column \"" + column + "\" of relation \"" + table + "\" violates not-null constraint'";
    }

    @Override
    public String missingFunctionError(String function) {
        return "'function " + function + "(...) does not exist'";
    }

    @Override
    public TypeCasts typeCasts() {
        return PostgresTypeCasts.TABLE;
    }
}
