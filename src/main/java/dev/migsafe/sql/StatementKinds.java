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
                String kind = String.join(" ", prefix);
                return new Change.Other(refine(kind, c), kind.equals("SET") ? setting(c) : "");
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

    /**
     * Adds the options that change how much a maintenance statement locks. An option written in a
     * list may be switched off: {@code VACUUM (FULL FALSE)}, {@code REINDEX (CONCURRENTLY 0)}.
     */
    private static String refine(String kind, TokenCursor c) {
        boolean full = option(c.remaining(), "FULL");
        boolean concurrently = option(c.remaining(), "CONCURRENTLY");
        boolean system = c.remaining().size() > 1 && c.remaining().get(1).is("SYSTEM");
        return switch (kind) {
            case "VACUUM" -> full ? "VACUUM FULL" : kind;
            case "REINDEX" -> concurrently ? kind + " CONCURRENTLY" : system ? "REINDEX SYSTEM" : kind;
            case "REFRESH MATERIALIZED VIEW" -> concurrently ? kind + " CONCURRENTLY" : kind;
            case "ANALYSE" -> "ANALYZE";
            case "LOCK" -> "LOCK TABLE";
            case "END", "ABORT" -> kind.equals("END") ? "COMMIT" : "ROLLBACK";
            default -> kind;
        };
    }

    /** The option word is present and not followed by FALSE, OFF or 0. */
    private static boolean option(List<Token> tokens, String word) {
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).is(word)) {
                Token value = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
                boolean off = value != null && (value.is("FALSE") || value.is("OFF") || value.text().equals("0"));
                if (!off) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The name of the run-time setting a SET statement changes, lower case, as the server knows it:
     * {@code SET LOCAL lock_timeout = '2s'} and MySQL's {@code SET SESSION lock_wait_timeout = 5} /
     * {@code SET @@session.lock_wait_timeout = 5} give "lock_timeout" / "lock_wait_timeout"; a
     * qualified custom setting keeps its prefix ("foo.lock_timeout").
     */
    private static String setting(TokenCursor c) {
        StringBuilder name = new StringBuilder();
        for (Token t : c.remaining().subList(1, c.remaining().size())) {
            if (t.isSymbol('=') || t.is("TO") || t.isSymbol(':')) {
                break;
            }
            if (name.isEmpty() && (t.is("SESSION") || t.is("LOCAL") || t.is("GLOBAL") || t.is("PERSIST"))) {
                continue;
            }
            name.append(t.text());
        }
        String n = name.toString().toLowerCase(java.util.Locale.ROOT);
        n = n.replaceFirst("^@@", "");
        n = n.replaceFirst("^(session|local)\\.", "");
        return n.replace("\"", "");
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
