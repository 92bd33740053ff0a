package dev.migsafe.source.liquibase;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import dev.migsafe.BadInputException;
import dev.migsafe.source.MigrationFiles;
import liquibase.changelog.DatabaseChangeLog;

/**
 * Detects Liquibase include cycles ({@code include} or {@code includeAll} of a changelog that is
 * already being parsed further up): Liquibase itself recurses until the stack overflows. While it
 * parses an included file, Liquibase keeps the including changelog in a private thread-local
 * ({@code DatabaseChangeLog.PARENT_CHANGE_LOG}); each changelog knows its own parent, so the chain
 * from the master down to the includer is known whenever a file is opened.
 */
final class IncludeChain {
    private static final Field PARENT = parentField();

    private IncludeChain() {
    }

    /**
     * @param path  the file about to be opened, relative to the changelog folder
     * @throws BadInputException naming the cycle (a.yaml -> b.yaml -> a.yaml) when it is a changelog
     *                           already being parsed
     */
    static void refuseCycle(String path, MigrationFiles files) {
        List<String> chain = current();
        int at = chain.indexOf(path);
        if (at < 0) {
            return;
        }
        List<String> cycle = new ArrayList<>(chain.subList(at, chain.size()));
        cycle.add(path);
        throw new BadInputException(files.displayPath(path) + ": Liquibase include cycle (" + String.join(" -> ", cycle)
                + "); remove the include that leads back");
    }

    /** The changelogs being parsed, master first, as paths relative to the folder; empty outside an include. */
    private static List<String> current() {
        List<String> chain = new ArrayList<>();
        if (PARENT == null) {
            return chain;
        }
        try {
            Object local = PARENT.get(null);
            DatabaseChangeLog log = local instanceof ThreadLocal<?> t ? (DatabaseChangeLog) t.get() : null;
            for (; log != null && chain.size() < 10_000; log = log.getParentChangeLog()) {
                chain.add(FilesResourceAccessor.normalize(log.getPhysicalFilePath()));
            }
        } catch (IllegalAccessException | IllegalArgumentException e) {
            return List.of();
        }
        Collections.reverse(chain);
        return chain;
    }

    /** Null when a Liquibase version no longer has it: the stack-overflow guard in the reader remains. */
    private static Field parentField() {
        try {
            Field f = DatabaseChangeLog.class.getDeclaredField("PARENT_CHANGE_LOG");
            f.setAccessible(true);
            return f;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
