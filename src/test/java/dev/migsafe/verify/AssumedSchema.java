package dev.migsafe.verify;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migsafe.sql.ParsedStatement;
import dev.migsafe.rules.locking.Transactions;

/**
 * Builds, on a real PostgreSQL database, the objects a peer tool's test case takes for granted: squawk's cases
 * alter tables they never create ({@code ALTER TABLE "core_recipe" ADD COLUMN ...}). The case runs in a
 * transaction that is rolled back; each error that names a missing object (relation, column, index, constraint,
 * schema, referenced key) is answered by creating it, committed, and the case runs again, until it runs through
 * or fails on something else. What it built is the older schema the case is traced on.
 */
final class AssumedSchema {

    private static final int ATTEMPTS = 40;
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");
    private static final Pattern REFERENCES = Pattern.compile(
            "(?i)REFERENCES\\s+((?:\"[^\"]+\"|[\\w$]+)(?:\\.(?:\"[^\"]+\"|[\\w$]+))?)\\s*(?:\\(([^)]*)\\))?");
    /** A statement naming an index where the server says "relation": REINDEX INDEX, DROP INDEX, USING INDEX. */
    private static final Pattern INDEX_NAMED = Pattern.compile("(?i)\\b(REINDEX\\s*(?:\\([^)]*\\))?\\s*INDEX|DROP\\s+INDEX"
            + "|USING\\s+INDEX)\\s+(\"[^\"]+\"|[\\w$.]+)");
    /** VACUUM (refused in a transaction) with its options, then the tables it names (group 1). */
    private static final Pattern MAINTENANCE = Pattern.compile("(?is)^\\s*VACUUM\\s*"
            + "(?:\\([^)]*\\))?\\s*(?:(?:FULL|FREEZE|VERBOSE|ANALY[SZ]E|TABLE|INDEX)\\s+)*((?!SCHEMA|DATABASE|SYSTEM)[^;]+?);?\\s*$");
    private static final Pattern BARE_CLUSTER = Pattern.compile("(?is)^\\s*CLUSTER(\\s+VERBOSE)?\\s*;?\\s*$");
    private static final Pattern SET_NOT_NULL = Pattern.compile("(?is)ALTER\\s+COLUMN\\s+(\"[^\"]+\"|[\\w$]+)\\s+SET\\s+NOT\\s+NULL");
    private static final Pattern DEFAULT_LITERAL = Pattern.compile("(?i)DEFAULT\\s+'([^']*)'");
    private static final Pattern INDEXED_TABLE = Pattern.compile("(?i)^\\s*(REINDEX|CLUSTER)\\b");
    private static final Pattern ALTER_TARGET = Pattern.compile(
            "(?i)^\\s*(?:ALTER\\s+TABLE(?:\\s+IF\\s+EXISTS)?(?:\\s+ONLY)?|CREATE\\s+(?:UNIQUE\\s+)?INDEX.*?\\s+ON(?:\\s+ONLY)?)"
                    + "\\s+((?:\"[^\"]+\"|[\\w$]+)(?:\\.(?:\"[^\"]+\"|[\\w$]+))?)", Pattern.DOTALL);

    /** What was built, and the error the case still ends with (null when it ran through). */
    record Result(List<String> created, String remainingError) {
    }

    private AssumedSchema() {
    }

    static Result build(Connection c, List<ParsedStatement> statements) throws SQLException {
        List<String> created = new ArrayList<>();
        String remaining = null;
        String whole = String.join("\n", statements.stream().map(ps -> ps.statement().text()).toList());
        if (statements.stream().anyMatch(ps -> BARE_CLUSTER.matcher(ps.statement().text()).matches())) {
            // CLUSTER alone reclusters the tables clustered before: the case takes one for granted
            try (Statement st = c.createStatement()) {
                for (String ddl : List.of("CREATE TABLE clustered (id int)", "CREATE INDEX clustered_id ON clustered (id)",
                        "ALTER TABLE clustered CLUSTER ON clustered_id")) {
                    st.execute(ddl);
                    created.add(ddl);
                }
            }
        }
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            List<String> fix = null;
            remaining = null;
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                for (ParsedStatement ps : statements) {
                    if (Transactions.control(ps) != null) {
                        continue;
                    }
                    String original = ps.statement().text();
                    for (String sql : inTransaction(original)) {
                        st.execute("SAVEPOINT assumed");
                        try {
                            st.execute(sql);
                            st.execute("RELEASE SAVEPOINT assumed");
                        } catch (SQLException e) {
                            st.execute("ROLLBACK TO SAVEPOINT assumed");
                            fix = fix(e, stripped(original), whole).stream().filter(f -> !created.containsAll(f)).findFirst().orElse(null);
                            if (fix != null) {
                                break;
                            }
                            remaining = remaining == null ? e.getSQLState() + " " + firstLine(e.getMessage()) : remaining;
                        }
                    }
                    if (fix != null) {
                        break;
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
            if (fix == null) {
                return new Result(created, remaining);
            }
            try (Statement st = c.createStatement()) {
                for (String ddl : fix) {
                    st.execute(ddl);
                    created.add(ddl);
                }
            } catch (SQLException e) {
                return new Result(created, "could not build " + fix + ": " + firstLine(e.getMessage()));
            }
        }
        return new Result(created, remaining);
    }

    /**
     * The statement as it can run in the rolled-back transaction and still name the same objects: CONCURRENTLY
     * only changes how it locks, IF EXISTS hides what the case takes for granted, and the tables of a statement
     * refused in a transaction (VACUUM foo, bar) are looked up one by one.
     */
    private static List<String> inTransaction(String sql) {
        String plain = stripped(sql);
        Matcher m = MAINTENANCE.matcher(plain);
        if (!m.matches()) {
            return List.of(plain);
        }
        List<String> out = new ArrayList<>();
        for (String name : m.group(1).split(",")) {
            String table = name.replaceAll("(?is)\\(.*|\\bUSING\\b.*|;", "").trim();
            if (!table.isEmpty()) {
                out.add("SELECT '" + table.replace("'", "''") + "'::regclass");
            }
        }
        return out;
    }

    private static String stripped(String sql) {
        return sql.replaceAll("(?i)\\bCONCURRENTLY\\b", "").replaceAll("(?i)\\bIF\\s+EXISTS\\b", "")
                .replaceFirst("(?i)^(\\s*REINDEX\\s*)\\(\\s*\\)", "$1");
    }

    /**
     * What creates what the error says is missing, in order of preference (the first not built already is
     * used); empty when the error is not about a missing object.
     */
    private static List<List<String>> fix(SQLException e, String sql, String whole) {
        String message = firstLine(e.getMessage()).replaceFirst("^ERROR:\\s*", "");
        List<String> names = new ArrayList<>();
        Matcher q = QUOTED.matcher(message);
        while (q.find()) {
            names.add(q.group(1));
        }
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (names.isEmpty()) {
            return List.of();
        }
        String first = names.get(0);
        switch (state) {
            case "3F000" -> { // schema "x" does not exist
                return List.of(List.of("CREATE SCHEMA " + quote(first)));
            }
            case "42P01" -> { // relation "x" does not exist
                Matcher index = INDEX_NAMED.matcher(sql);
                if (index.find() && unquoted(index.group(2)).equalsIgnoreCase(first)) {
                    return List.of(index(first, index.group(1).toUpperCase(Locale.ROOT).startsWith("USING") ? target(sql) : null,
                            index.group(1).toUpperCase(Locale.ROOT).startsWith("USING")));
                }
                String table = qualified(first);
                // REINDEX and CLUSTER work on a table's indexes: one to work on
                return List.of(INDEXED_TABLE.matcher(sql).find()
                        ? List.of("CREATE TABLE " + table + " (id int)", "CREATE INDEX ON " + table + " (id)")
                        : List.of("CREATE TABLE " + table + " ()"));
            }
            case "42703" -> {
                if (names.size() > 1) { // column "c" of relation "t" does not exist
                    return List.of(List.of(addColumn(quote(names.get(1)), first)));
                }
                List<List<String>> out = new ArrayList<>();
                Matcher ref = REFERENCES.matcher(sql);
                if (message.contains("foreign key") && ref.find() && ref.group(2) != null
                        && words(ref.group(2)).contains(first.toLowerCase(Locale.ROOT))) {
                    out.add(List.of(addColumn(ref.group(1), first))); // the referenced side first, then the local one
                }
                String target = target(sql);
                if (target != null) {
                    out.add(List.of(addColumn(target, first)));
                }
                return out;
            }
            case "42704" -> {
                // a constraint the case validates without creating it: CHECK (col IS NOT NULL) when the case then
                // sets that column NOT NULL (the expand-then-contract pattern such a constraint exists for)
                if (message.startsWith("index")) { // index "i" [for table "t"] does not exist
                    boolean using = sql.matches("(?is).*\\bUSING\\s+INDEX\\b.*");
                    return List.of(index(first, names.size() > 1 ? names.get(1) : using ? target(sql) : null, using));
                }
                if (message.startsWith("there is no previously clustered index")) {
                    String table = quote(first);
                    return List.of(List.of(addColumn(table, "id"), "CREATE INDEX " + quote(first + "_clustered") + " ON "
                            + table + " (id)", "ALTER TABLE " + table + " CLUSTER ON " + quote(first + "_clustered")));
                }
                if (message.startsWith("constraint") && names.size() > 1) { // constraint "x" of relation "t" does not exist
                    String table = quote(names.get(1));
                    String add = "ALTER TABLE " + table + " ADD CONSTRAINT " + quote(first);
                    Matcher notNull = SET_NOT_NULL.matcher(whole);
                    return List.of(notNull.find()
                            ? List.of(addColumn(table, unquoted(notNull.group(1))), add + " CHECK (" + notNull.group(1)
                                    + " IS NOT NULL) NOT VALID")
                            : List.of(add + " CHECK (true) NOT VALID"));
                }
                if (message.startsWith("type")) { // type "t" does not exist: an enum of the value the case gives it
                    Matcher value = DEFAULT_LITERAL.matcher(sql);
                    return List.of(List.of("CREATE TYPE " + quote(first) + " AS ENUM ('"
                            + (value.find() ? value.group(1) : "a") + "')"));
                }
                return List.of();
            }
            case "42830" -> { // no unique constraint / no primary key for referenced table "p"
                Matcher ref = REFERENCES.matcher(sql);
                if (!ref.find()) {
                    return List.of();
                }
                if (ref.group(2) != null) {
                    return List.of(List.of("ALTER TABLE " + ref.group(1) + " ADD UNIQUE (" + ref.group(2) + ")"));
                }
                return List.of(List.of(addColumn(ref.group(1), "id"), "ALTER TABLE " + ref.group(1) + " ADD PRIMARY KEY (id)"));
            }
            default -> {
                return List.of();
            }
        }
    }

    /**
     * An index of that name, on the table named or on a table of its own; for USING INDEX a unique index on a
     * NOT NULL column, as a primary key needs (else adding the key would also set NOT NULL, with a scan).
     */
    private static List<String> index(String name, String table, boolean unique) {
        String on = table == null ? quote(name + "_table") : table.startsWith("\"") ? table : quote(table);
        return List.of(table == null ? "CREATE TABLE " + on + " (id int)" : addColumn(on, "id") + (unique ? " NOT NULL" : ""),
                "CREATE " + (unique ? "UNIQUE " : "") + "INDEX " + quote(name) + " ON " + on + " (id)");
    }

    /** A column of a type its name suggests: words are text, the rest integers (compared, summed, referenced). */
    private static String addColumn(String table, String column) {
        boolean text = column.matches("(?i).*(name|email|title|text|description|slug|url|code|status|label|note|comment"
                + "|edits|address|city|country|type|kind|key|value|data|body|content|path|token|uuid|guid).*");
        return "ALTER TABLE " + table + " ADD COLUMN IF NOT EXISTS " + quote(column) + (text ? " text" : " int");
    }

    private static String target(String sql) {
        Matcher m = ALTER_TARGET.matcher(sql);
        return m.find() ? m.group(1) : null;
    }

    private static List<String> words(String list) {
        List<String> out = new ArrayList<>();
        for (String w : list.split(",")) {
            out.add(w.trim().replace("\"", "").toLowerCase(Locale.ROOT));
        }
        return out;
    }

    private static String unquoted(String name) {
        return name.replace("\"", "");
    }

    private static String qualified(String name) {
        int dot = name.indexOf('.');
        return dot < 0 ? quote(name) : quote(name.substring(0, dot)) + "." + quote(name.substring(dot + 1));
    }

    private static String quote(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
