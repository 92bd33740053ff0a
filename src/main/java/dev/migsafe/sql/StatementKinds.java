package dev.migsafe.sql;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import dev.migsafe.change.Change;

/**
 * Statements understood by their first words alone because they change no table, column, view,
 * sequence, type or function of the application's schema: privileges, comments, settings,
 * maintenance, transaction control, extensions, policies, schemas, roles... Their kind is kept
 * precise ("VACUUM FULL", "REINDEX CONCURRENTLY") because lock rules look at it.
 */
final class StatementKinds {

    /** Leading word sequences, longest first so that "CREATE EVENT TRIGGER" wins over "CREATE EVENT". */
    private static final List<List<String>> PREFIXES = build(
            "GRANT", "REVOKE", "COMMENT ON", "SET", "RESET", "SHOW", "ANALYZE", "ANALYSE", "VACUUM", "CLUSTER",
            "REINDEX", "LOCK TABLES", "LOCK TABLE", "LOCK", "UNLOCK TABLES", "BEGIN", "START TRANSACTION", "COMMIT",
            "END", "ROLLBACK", "SAVEPOINT", "RELEASE", "ABORT", "CHECKPOINT", "DISCARD", "NOTIFY", "LISTEN",
            "UNLISTEN", "LOAD", "SECURITY LABEL", "PREPARE", "DEALLOCATE", "USE", "FLUSH", "OPTIMIZE TABLE",
            "CHECK TABLE", "REPAIR TABLE", "REFRESH MATERIALIZED VIEW", "IMPORT FOREIGN SCHEMA",
            "CREATE EXTENSION", "ALTER EXTENSION", "CREATE SCHEMA", "ALTER SCHEMA", "CREATE POLICY", "ALTER POLICY",
            "CREATE ROLE", "ALTER ROLE", "CREATE USER MAPPING", "CREATE USER", "ALTER USER", "CREATE GROUP",
            "ALTER GROUP", "ALTER DEFAULT PRIVILEGES", "CREATE RULE", "CREATE PUBLICATION", "ALTER PUBLICATION",
            "CREATE SUBSCRIPTION", "ALTER SUBSCRIPTION", "CREATE STATISTICS", "ALTER STATISTICS", "CREATE CAST",
            "CREATE OPERATOR", "ALTER OPERATOR", "CREATE AGGREGATE", "CREATE COLLATION", "CREATE TEXT SEARCH",
            "ALTER TEXT SEARCH", "CREATE SERVER", "ALTER SERVER", "CREATE FOREIGN DATA WRAPPER", "CREATE EVENT TRIGGER",
            "ALTER EVENT TRIGGER", "CREATE EVENT", "ALTER EVENT", "CREATE DATABASE", "ALTER DATABASE", "ALTER SYSTEM",
            "CREATE TABLESPACE", "ALTER TABLESPACE", "CREATE LANGUAGE", "ALTER LANGUAGE", "CREATE ACCESS METHOD",
            "CREATE CONVERSION", "CREATE TRANSFORM", "ALTER LARGE OBJECT", "REASSIGN OWNED");

    /** Words that name object kinds in DROP statements of the kinds above. */
    private static final Set<String> OBJECT_KEYWORDS = Set.of(
            "EXTENSION", "SCHEMA", "POLICY", "RULE", "ROLE", "USER", "GROUP", "DATABASE", "EVENT", "SERVER",
            "PUBLICATION", "SUBSCRIPTION", "STATISTICS", "CAST", "OPERATOR", "CLASS", "FAMILY", "AGGREGATE",
            "COLLATION", "TEXT", "SEARCH", "CONFIGURATION", "DICTIONARY", "PARSER", "TEMPLATE", "LANGUAGE",
            "TABLESPACE", "OWNED", "FOREIGN", "DATA", "WRAPPER", "MAPPING", "ACCESS", "METHOD", "TRANSFORM",
            "CONVERSION", "TRIGGER");

    private StatementKinds() {
    }

    static boolean isObjectKeyword(String word) {
        return OBJECT_KEYWORDS.contains(word);
    }

    /** The Other event for a statement of these kinds, or null when it is not one. */
    static Change.Other recognise(TokenCursor c) {
        List<String> words = leadingWords(c);
        for (List<String> prefix : PREFIXES) {
            if (words.size() >= prefix.size() && words.subList(0, prefix.size()).equals(prefix)) {
                return new Change.Other(refine(String.join(" ", prefix), c), "");
            }
        }
        return null;
    }

    /** The statement's first words, upper-case, without the OR REPLACE of CREATE OR REPLACE. */
    private static List<String> leadingWords(TokenCursor c) {
        List<String> words = new ArrayList<>();
        for (int i = 0; words.size() < 6 && c.peek(i) != null && c.peek(i).type() == Token.Type.WORD; i++) {
            words.add(c.peek(i).upper());
        }
        if (words.size() > 2 && words.get(0).equals("CREATE") && words.get(1).equals("OR")
                && words.get(2).equals("REPLACE")) {
            words.subList(1, 3).clear();
        }
        return words;
    }

    /** Adds the options that change how much a maintenance statement locks. */
    private static String refine(String kind, TokenCursor c) {
        boolean full = false;
        boolean concurrently = false;
        for (Token t : c.remaining()) {
            full |= t.is("FULL");
            concurrently |= t.is("CONCURRENTLY");
        }
        return switch (kind) {
            case "VACUUM" -> full ? "VACUUM FULL" : kind;
            case "REINDEX", "REFRESH MATERIALIZED VIEW" -> concurrently ? kind + " CONCURRENTLY" : kind;
            case "ANALYSE" -> "ANALYZE";
            case "LOCK" -> "LOCK TABLE";
            case "END", "ABORT" -> kind.equals("END") ? "COMMIT" : "ROLLBACK";
            default -> kind;
        };
    }

    private static List<List<String>> build(String... prefixes) {
        List<List<String>> list = new ArrayList<>();
        for (String p : prefixes) {
            list.add(List.of(p.split(" ")));
        }
        list.sort(Comparator.comparingInt((List<String> l) -> l.size()).reversed());
        return list;
    }
}
