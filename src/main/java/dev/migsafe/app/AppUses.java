package dev.migsafe.app;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the older release's code uses of the database, and what was scanned to know it.
 *
 * @param release    the release the code was read at (for messages: "v1.2.9 maps users.name")
 * @param files      source files read (Java, Kotlin counted but not parsed, XML mappers, SQL, properties)
 * @param entities   entity classes (JPA, Spring Data JDBC) mapped
 * @param sqlStrings SQL texts found in code and resources
 * @param statements the SQL statements of the code that were understood, whole
 * @param words      every identifier-like word of the files read, lower-cased: what a name that no
 *                   extractor knows (a function, a type) would have to appear as to be used
 */
public record AppUses(String release, int files, int entities, int sqlStrings, List<Use> uses,
                      List<Unresolved> unresolved, Set<String> words, List<CodeStatement> statements) {

    /** One SQL statement the code carries, whole (a {@link Use} shows it cut to one line). */
    public record CodeStatement(String file, int line, String kind, String sql) {
    }

    public AppUses {
        uses = List.copyOf(uses);
        unresolved = List.copyOf(unresolved);
        words = Set.copyOf(words);
        statements = statements == null ? List.of() : List.copyOf(statements);
    }

    public AppUses(String release, int files, int entities, int sqlStrings, List<Use> uses,
                   List<Unresolved> unresolved, Set<String> words) {
        this(release, files, entities, sqlStrings, uses, unresolved, words, List.of());
    }

    /** The code read nothing: no source root at the release. */
    public boolean isEmpty() {
        return files == 0;
    }

    /** The uses of a column (a use of every column, {@code *}, included). */
    public List<Use> ofColumn(String table, String column) {
        return uses.stream().filter(u -> sameTable(u.table(), table) && u.column() != null
                && (u.column().equals(column.toLowerCase(Locale.ROOT)) || u.column().equals("*"))).toList();
    }

    /** The uses of a table, any column; only those that write it when {@code writesOnly}. */
    public List<Use> ofTable(String table, boolean writesOnly) {
        return uses.stream().filter(u -> sameTable(u.table(), table) && (!writesOnly || u.writes())).toList();
    }

    /** Unresolved uses whose known text names the table as a word: they could touch it. */
    public List<Unresolved> couldTouch(String table) {
        String bare = bare(table);
        return unresolved.stream().filter(u -> words(u.text()).contains(bare)).toList();
    }

    /** Source files that were not read or parsed: they may hold uses of anything. */
    public List<Unresolved> unread() {
        return unresolved.stream().filter(u -> u.kind().equals(Unresolved.FILE) || u.kind().equals(Unresolved.JAVA)).toList();
    }

    /** The summary of what was scanned: "84 files: 12 entities, 9 SQL strings". */
    public String scanned() {
        return files + " file" + (files == 1 ? "" : "s") + ": " + entities + (entities == 1 ? " entity, " : " entities, ")
                + sqlStrings + " SQL string" + (sqlStrings == 1 ? "" : "s");
    }

    /** Tables compare without a {@code public.} schema and without case. */
    static boolean sameTable(String a, String b) {
        return bare(a).equals(bare(b)) && (schema(a) == null || schema(b) == null || schema(a).equals(schema(b)));
    }

    private static String bare(String table) {
        String t = table.toLowerCase(Locale.ROOT);
        return t.substring(t.lastIndexOf('.') + 1);
    }

    private static String schema(String table) {
        String t = table.toLowerCase(Locale.ROOT);
        int dot = t.lastIndexOf('.');
        return dot < 0 || t.startsWith("public.") ? null : t.substring(0, dot);
    }

    static Set<String> words(String text) {
        java.util.Set<String> out = new java.util.HashSet<>();
        int start = -1;
        // a scan, not a regular-expression split: this runs over every file of the older release
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? Character.toLowerCase(text.charAt(i)) : ' ';
            boolean word = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '$';
            if (word && start < 0) {
                start = i;
            } else if (!word && start >= 0) {
                out.add(text.substring(start, i).toLowerCase(Locale.ROOT));
                start = -1;
            }
        }
        return out;
    }
}
