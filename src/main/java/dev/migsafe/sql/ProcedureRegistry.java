package dev.migsafe.sql;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * MySQL stored procedures seen so far, so that {@code CALL proc('t', 'fk')} can be expanded into
 * what the procedure does with those arguments. Migrations often define a helper procedure once
 * (e.g. "drop this foreign key if it exists", which MySQL lacks) and call it in later migrations;
 * parse the scripts in migration order with one parser to resolve such calls. A dropped procedure
 * is kept: its CALLs would fail in the database anyway.
 */
final class ProcedureRegistry {

    /** A procedure's parameter names (normalised) and body text. */
    record Procedure(List<String> parameters, String body) {
    }

    private final Map<String, Procedure> procedures = new ConcurrentHashMap<>();

    void define(String name, List<String> parameters, String body) {
        procedures.put(key(name), new Procedure(List.copyOf(parameters), body));
    }

    Procedure find(String name) {
        return procedures.get(key(name));
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
