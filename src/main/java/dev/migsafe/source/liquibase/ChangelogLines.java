package dev.migsafe.source.liquibase;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migsafe.sql.Suppression;

/**
 * Where things sit in a changelog file. Liquibase's parsers keep no line numbers, so findings would
 * all point at line 1; this finds the line of each changeSet (by its id near a "changeSet" word)
 * and of each change inside it (the next line naming the change type), which is what a reviewer
 * needs. Also reads {@code migsafe:ignore} comments (XML or SQL style) just above a change.
 */
final class ChangelogLines {
    private static final Pattern IGNORE = Pattern.compile(
            "migsafe:ignore\\s+([A-Za-z]{2}\\d{3}(?:\\s*,\\s*[A-Za-z]{2}\\d{3})*)\\s*(.*?)\\s*(?:-->)?\\s*$");
    private static final int ATTRIBUTE_LINES = 6;

    /** Where a changeSet starts in XML, YAML, JSON or formatted SQL (not a path that says "changesets"). */
    private static final Pattern CHANGESET_START = Pattern.compile(
            "<changeSet\\b|-\\s*changeSet\\s*:|\"changeSet\"\\s*:|^\\s*--\\s*changeset\\s", Pattern.CASE_INSENSITIVE);

    /** The id that follows an id attribute or a formatted-SQL author, up to where {@link #changeSet} ends an id. */
    private static final Pattern ID_TOKEN = Pattern.compile(
            "(?:\\bid\\s*[=:]\\s*[\"']?|--changeset\\s+[^:\\s]+:)([^\"'\\s,}]*)(?=[\"'\\s,}]|$)",
            Pattern.CASE_INSENSITIVE);
    /** Ids {@link #ID_TOKEN} reads exactly as {@link #changeSet}'s own pattern would match them. */
    private static final Pattern PLAIN_ID = Pattern.compile("[\\x21-\\x7e&&[^\"',}]]+");

    private final String[] lines;
    private final Map<Integer, List<Suppression>> suppressions = new HashMap<>();
    /** ASCII-lower-cased plain id -> line of the first changeSet naming it; built on first use (one pass, not one per changeSet) */
    private Map<String, Integer> plainIdLines;

    ChangelogLines(String text) {
        this.lines = text.split("\r\n|\r|\n", -1); // lone CR ends a line too, as in Liquibase's own reader
    }

    /** 1-based line of the changeSet with this id, or 1 when it cannot be told. */
    int changeSet(String id) {
        if (PLAIN_ID.matcher(id).matches()) {
            if (plainIdLines == null) {
                plainIdLines = indexPlainIds();
            }
            return plainIdLines.getOrDefault(asciiLower(id), 1);
        }
        Pattern idAttribute = Pattern.compile("(?:\\bid\\s*[=:]\\s*[\"']?|--changeset\\s+[^:\\s]+:)"
                + Pattern.quote(id) + "(?:[\"'\\s,}]|$)", Pattern.CASE_INSENSITIVE);
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].toLowerCase(Locale.ROOT).contains("changeset")) {
                continue;
            }
            for (int j = i; j < Math.min(lines.length, i + ATTRIBUTE_LINES); j++) {
                if (j > i && CHANGESET_START.matcher(lines[j]).find()) {
                    break; // the next changeSet's attributes are not this one's
                }
                if (idAttribute.matcher(lines[j]).find()) {
                    return i + 1;
                }
            }
        }
        return 1;
    }

    /** The same search as {@link #changeSet} for every plain id at once. */
    private Map<String, Integer> indexPlainIds() {
        Map<String, Integer> first = new HashMap<>();
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].toLowerCase(Locale.ROOT).contains("changeset")) {
                continue;
            }
            for (int j = i; j < Math.min(lines.length, i + ATTRIBUTE_LINES); j++) {
                if (j > i && CHANGESET_START.matcher(lines[j]).find()) {
                    break;
                }
                Matcher token = ID_TOKEN.matcher(lines[j]);
                for (int from = 0; from < lines[j].length() && token.find(from); from = token.start() + 1) {
                    first.putIfAbsent(asciiLower(token.group(1)), i + 1); // every start, as find(id) would try
                }
            }
        }
        return first;
    }

    /** Lower case as the CASE_INSENSITIVE patterns compare (ASCII only). */
    private static String asciiLower(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            b.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
        }
        return b.toString();
    }

    /** 1-based line of the first line at or after {@code fromLine} naming {@code changeType}; else {@code fromLine}. */
    int change(String changeType, int fromLine) {
        Pattern name = Pattern.compile("\\b" + Pattern.quote(changeType) + "\\b");
        for (int i = Math.max(0, fromLine - 1); i < lines.length; i++) {
            if (name.matcher(lines[i]).find()) {
                return i + 1;
            }
        }
        return fromLine;
    }

    /** The {@code migsafe:ignore} comments on the lines just above {@code line} (blank and comment lines). */
    List<Suppression> suppressionsBefore(int line) {
        // one object per comment: changes sharing a line (a rollback's) share its suppressions, so a
        // comment used by one of them is not reported unused for the others
        return suppressions.computeIfAbsent(line, this::readSuppressionsBefore);
    }

    private List<Suppression> readSuppressionsBefore(int line) {
        List<Suppression> found = new ArrayList<>();
        for (int i = line - 2; i >= 0; i--) {
            String text = lines[i].trim();
            if (!text.isEmpty() && !isComment(text)) {
                break;
            }
            Matcher m = IGNORE.matcher(text);
            if (m.find()) {
                List<String> ids = Arrays.stream(m.group(1).split(",")).map(s -> s.trim().toUpperCase(Locale.ROOT)).toList();
                String reason = m.group(2).isBlank() ? null : m.group(2);
                found.add(0, new Suppression(ids, reason, i + 1));
            }
        }
        return found;
    }

    private static boolean isComment(String text) {
        return text.startsWith("<!--") || text.startsWith("--") || text.startsWith("#") || text.endsWith("-->");
    }
}
