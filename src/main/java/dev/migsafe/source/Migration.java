package dev.migsafe.source;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.flywaydb.core.api.MigrationVersion;

import dev.migsafe.sql.MigrationScript;
import dev.migsafe.tool.MigrationTool;

/**
 * One versioned unit of schema change with its optional undo.
 *
 * @param id          the identity users see and {@code releases:} refers to: the version ("1.2.9",
 *                    "20240101120000") or, for repeatable migrations, the description
 * @param version     ordering key (Flyway's own version type); {@code null} for repeatable migrations,
 *                    which run after all versioned ones, and for plain {@code .sql} files (format "sql"),
 *                    whose order is their position in the list
 * @param description human description from the file name
 * @param kind        versioned, repeatable or baseline
 * @param tool        the migration tool whose files these are (its id is the source format: flyway, updown, ...)
 * @param up          the forward script
 * @param down        the undo script, or {@code null} when there is none (a present but empty undo file or
 *                    dbmate down section is kept: the author declared it)
 * @param preparedUp  the up's statements when they come ready-made rather than from parsing
 *                    {@code up.content()} (a Liquibase changeSet's change objects), else {@code null}
 * @param preparedDown likewise for the down
 */
public record Migration(
        String id,
        MigrationVersion version,
        String description,
        Kind kind,
        MigrationTool tool,
        MigrationScript up,
        MigrationScript down,
        PreparedStatements preparedUp,
        PreparedStatements preparedDown) {

    public enum Kind { VERSIONED, REPEATABLE, BASELINE }

    /** A migration whose statements come from parsing its SQL text. */
    public Migration(String id, MigrationVersion version, String description, Kind kind, MigrationTool tool,
                     MigrationScript up, MigrationScript down) {
        this(id, version, description, kind, tool, up, down, null, null);
    }

    /** The source format's id, as {@code migsafe.yaml} and the reports spell it ("flyway", "updown", ...). */
    public String format() {
        return tool.id();
    }

    /** The tool of the first migration (a project uses one tool); plain SQL when there is none. */
    public static MigrationTool toolOf(List<Migration> migrations) {
        return migrations.isEmpty() ? MigrationTool.PLAIN_SQL : migrations.get(0).tool();
    }

    public boolean hasDown() {
        return down != null;
    }

    /**
     * The author declared that there is no way back: an empty undo file or dbmate down section, an
     * empty Liquibase {@code <rollback/>}. A choice worth showing, not a forgotten down.
     */
    public boolean declaresNoDown() {
        return down != null && down.content().isBlank();
    }

    /** sha256 of the up script's bytes, as "sha256:hex". */
    public String checksum() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            // in slices: a copy of a 250 MB script's bytes would double the memory it takes
            String text = up.content();
            for (int start = 0; start < text.length(); ) {
                int end = Math.min(text.length(), start + 65_536);
                if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                    end--; // keep a surrogate pair in one slice
                }
                md.update(text.substring(start, end).getBytes(StandardCharsets.UTF_8));
                start = end;
            }
            return "sha256:" + HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
