package dev.migsafe.source;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migsafe.dialect.Dialect;
import dev.migsafe.dialect.Dialect;
import dev.migsafe.sql.MigrationScript;

/**
 * Picks the SQL dialect: the one the user named (command line, then {@code migsafe.yaml}), else the
 * one the migrations' text points to, else PostgreSQL. The content guess counts tell-tale marks
 * outside comments: backtick identifiers, {@code AUTO_INCREMENT} and {@code ENGINE=} for MySQL;
 * {@code $$} bodies, {@code SERIAL} types and {@code ::} casts for PostgreSQL.
 */
public final class DialectDetector {
    private static final Pattern LINE_COMMENT = Pattern.compile("--[^\\n]*");
    private static final Pattern MYSQL_MARKS = Pattern.compile(
            "`[^`\\n]+`|\\bAUTO_INCREMENT\\b|\\bENGINE\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern POSTGRES_MARKS = Pattern.compile(
            "\\$\\$|\\b(?:BIG|SMALL)?SERIAL\\b|::\\s*[a-z_]+", Pattern.CASE_INSENSITIVE);

    private DialectDetector() {
    }

    /**
     * @param explicit   from the command line, or null
     * @param configured from {@code migsafe.yaml}, or null
     */
    public static Dialect resolve(Dialect explicit, Dialect configured, List<Migration> migrations) {
        if (explicit != null) {
            return explicit;
        }
        if (configured != null) {
            return configured;
        }
        return fromContent(migrations);
    }

    /** The dialect the scripts' text points to; PostgreSQL on a tie or when nothing points anywhere. */
    public static Dialect fromContent(List<Migration> migrations) {
        int mysql = 0;
        int postgres = 0;
        for (Migration m : migrations) {
            for (MigrationScript script : m.hasDown() ? List.of(m.up(), m.down()) : List.of(m.up())) {
                String code = LINE_COMMENT.matcher(script.content()).replaceAll("");
                mysql += count(MYSQL_MARKS.matcher(code));
                postgres += count(POSTGRES_MARKS.matcher(code));
            }
        }
        return mysql > postgres ? Dialect.MYSQL : Dialect.POSTGRESQL;
    }

    private static int count(Matcher m) {
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
