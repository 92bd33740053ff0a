package dev.migsafe.source.liquibase;

import java.util.Collection;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

import liquibase.serializer.LiquibaseSerializable;

/**
 * A Liquibase change written out as one line, e.g.
 * {@code renameColumn(newColumnName=full_name, oldColumnName=name, tableName=users)}: what reports show
 * as the statement, and (joined for a whole changeSet) the text a migration's checksum is taken from,
 * so layout and comments in the changelog do not count as a change but every attribute does.
 */
final class ChangeText {
    private ChangeText() {
    }

    static String of(LiquibaseSerializable object) {
        StringBuilder sb = new StringBuilder(object.getSerializedObjectName()).append('(');
        String fields = new TreeSet<>(object.getSerializableFields()).stream()
                .map(f -> {
                    Object value = object.getSerializableFieldValue(f);
                    return value == null || value instanceof Collection<?> c && c.isEmpty() ? null : f + "=" + value(value);
                })
                .filter(s -> s != null)
                .collect(Collectors.joining(", "));
        return sb.append(fields).append(')').toString();
    }

    private static String value(Object value) {
        if (value instanceof LiquibaseSerializable s) {
            return of(s);
        }
        if (value instanceof Collection<?> c) {
            return c.stream().map(ChangeText::value).collect(Collectors.joining(", ", "[", "]"));
        }
        if (value instanceof Map<?, ?> m) {
            return m.toString();
        }
        return String.valueOf(value).strip();
    }
}
