package dev.migsafe.rules.locking;

import dev.migsafe.change.Change;
import dev.migsafe.rules.ServerVersion;
import dev.migsafe.sql.ParsedStatement;

/** PostgreSQL statements that refuse to run inside a transaction block. */
final class NonTransactional {

    private NonTransactional() {
    }

    /** What in the statement cannot run in a transaction ("CREATE INDEX CONCURRENTLY"), or null. */
    static String reason(ParsedStatement statement, ServerVersion server) {
        for (Change c : statement.changes()) {
            String r = reason(c, server);
            if (r != null) {
                return r;
            }
        }
        return null;
    }

    static String reason(Change change, ServerVersion server) {
        String concurrent = waitsForEveryTransaction(change);
        if (concurrent != null) {
            return concurrent;
        }
        if (change instanceof Change.AddEnumValue && !server.atLeast(12, 0)) {
            return "ALTER TYPE ... ADD VALUE (before PostgreSQL 12)";
        }
        if (change instanceof Change.Other o) {
            return switch (o.kind()) {
                case "VACUUM", "VACUUM FULL", "CREATE DATABASE", "DROP DATABASE",
                     "CREATE TABLESPACE", "DROP TABLESPACE", "ALTER SYSTEM" -> o.kind();
                default -> null;
            };
        }
        return null;
    }

    /**
     * The concurrent index builds and drops, which also wait for every other open transaction before
     * they start ("CREATE INDEX CONCURRENTLY"), or null.
     */
    static String waitsForEveryTransaction(Change change) {
        if (change instanceof Change.CreateIndex c && c.concurrently()) {
            return "CREATE INDEX CONCURRENTLY";
        }
        if (change instanceof Change.DropIndex c && c.concurrently()) {
            return "DROP INDEX CONCURRENTLY";
        }
        if (change instanceof Change.Other o && o.kind().equals("REINDEX CONCURRENTLY")) {
            return "REINDEX CONCURRENTLY";
        }
        return null;
    }
}
