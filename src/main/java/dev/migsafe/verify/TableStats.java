package dev.migsafe.verify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.migsafe.BadInputException;
import dev.migsafe.dialect.Dialect;

/**
 * The size of the production tables ({@code --table-stats FILE}, or read over {@code --history-url}'s read-only
 * session), which turns a lock the trace measured on seeded rows into an estimate at production size.
 *
 * <p>The file is JSON, {@code {"orders": {"rows": 31000000, "bytes": 4200000000}}} ({@code bytes} optional), or
 * CSV, {@code table,rows[,bytes]} per line with an optional header line.
 */
public final class TableStats {

    /** One table: its rows and bytes (-1 when unknown). */
    public record Size(long rows, long bytes) {
    }

    public static final TableStats NONE = new TableStats(Map.of());
    /** Larger files are refused: a table list is small, and the file is untrusted input. */
    static final long MAX_FILE_BYTES = 1_000_000;
    /** Rates from fewer rows than this are the statement's fixed cost, not a rate. */
    static final long MIN_SAMPLE_ROWS = 1_000;

    private final Map<String, Size> tables;

    public TableStats(Map<String, Size> tables) {
        this.tables = Map.copyOf(tables);
    }

    public boolean isEmpty() {
        return tables.isEmpty();
    }

    public int size() {
        return tables.size();
    }

    /** Production rows of a table (its name as the migrations write it; a schema prefix is ignored), or -1. */
    public long rows(String table) {
        Size s = size(table);
        return s == null ? -1 : s.rows();
    }

    private Size size(String table) {
        if (table == null) {
            return null;
        }
        String name = table.toLowerCase(Locale.ROOT).replace("\"", "").replace("`", "");
        name = name.substring(name.lastIndexOf('.') + 1);
        return tables.get(name);
    }

    /** Reads {@code --table-stats FILE}; bad input is one line naming the file (and line) and exit 2. */
    public static TableStats read(Path file) {
        String shown = "--table-stats " + file;
        String text;
        try {
            if (!Files.isRegularFile(file)) {
                throw new BadInputException(shown + ": not a readable file");
            }
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new BadInputException(shown + ": larger than " + MAX_FILE_BYTES / 1000 + " kB; give only the tables' sizes");
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadInputException(shown + ": cannot read it (" + Errors.message(e) + ")");
        }
        return text.stripLeading().startsWith("{") ? json(text, shown) : csv(text, shown);
    }

    private static TableStats json(String text, String shown) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new BadInputException(shown + ":" + e.getLocation().getLineNr() + ": not valid JSON ("
                    + e.getOriginalMessage() + ")");
        }
        Map<String, Size> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode rows = e.getValue().get("rows");
            JsonNode bytes = e.getValue().get("bytes");
            if (rows == null || !rows.canConvertToLong() || rows.asLong() < 0
                    || (bytes != null && (!bytes.canConvertToLong() || bytes.asLong() < 0))) {
                throw new BadInputException(shown + ": table \"" + e.getKey() + "\" needs {\"rows\": N} with a whole"
                        + " number of rows (and optionally \"bytes\": N)");
            }
            out.put(key(e.getKey()), new Size(rows.asLong(), bytes == null ? -1 : bytes.asLong()));
        }
        return new TableStats(out);
    }

    private static TableStats csv(String text, String shown) {
        Map<String, Size> out = new LinkedHashMap<>();
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\\s*,\\s*");
            if (i == 0 && cells.length > 1 && cells[1].equalsIgnoreCase("rows")) {
                continue;
            }
            try {
                if (cells.length < 2 || cells.length > 3 || cells[0].isEmpty()) {
                    throw new NumberFormatException();
                }
                long rows = Long.parseLong(cells[1]);
                long bytes = cells.length == 3 ? Long.parseLong(cells[2]) : -1;
                if (rows < 0 || (cells.length == 3 && bytes < 0)) {
                    throw new NumberFormatException();
                }
                out.put(key(cells[0]), new Size(rows, bytes));
            } catch (NumberFormatException e) {
                throw new BadInputException(shown + ":" + (i + 1) + ": expected table,rows[,bytes] with whole numbers,"
                        + " or JSON {\"table\": {\"rows\": N}}");
            }
        }
        return new TableStats(out);
    }

    private static String key(String table) {
        String name = table.toLowerCase(Locale.ROOT).replace("\"", "").replace("`", "");
        return name.substring(name.lastIndexOf('.') + 1);
    }

    /**
     * The row counts and sizes of the tables the session sees: {@code pg_class.reltuples} (the planner's
     * estimate, kept by ANALYZE) or {@code information_schema.TABLES} — catalog reads only.
     */
    public static TableStats read(Connection c, Dialect dialect) throws SQLException {
        String sql = switch (dialect) {
            case POSTGRESQL -> "SELECT c.relname, c.reltuples::bigint, pg_total_relation_size(c.oid) FROM pg_class c"
                    + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p')"
                    + " AND n.nspname = ANY (current_schemas(false))";
            case MYSQL -> "SELECT TABLE_NAME, TABLE_ROWS, DATA_LENGTH + INDEX_LENGTH FROM information_schema.TABLES"
                    + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE'";
        };
        Map<String, Size> out = new LinkedHashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                long rows = rs.getLong(2);
                if (rows >= 0) { // -1: never analysed
                    out.put(key(rs.getString(1)), new Size(rows, rs.getLong(3)));
                }
            }
        }
        return new TableStats(out);
    }

    /**
     * "holds ACCESS EXCLUSIVE on orders, ~14 min at 31M rows": a statement that blocks others and whose work
     * grows with the table (it rewrote it, read all of it or built an index under a lock), scaled from its measured rate; null
     * when there is no such thing to say (no size for its table, too few rows measured for a rate).
     */
    String estimate(LockTrace.Record r) {
        Size size = size(r.table());
        boolean scales = r.rewrite() || Boolean.TRUE.equals(r.scan()) || r.locks().stream().anyMatch(l -> l.mode().equals("ShareLock"));
        if (size == null || r.note() != null || r.blocks().isEmpty() || !scales || r.sampleRows() < MIN_SAMPLE_ROWS) {
            return null;
        }
        double ms = (double) r.durationMs() * size.rows() / r.sampleRows();
        String mode = r.locks().stream().filter(l -> l.relation().equalsIgnoreCase(r.table())
                        || l.relation().endsWith("." + r.table())).map(l -> LockTraceText.mode(l.mode())).findFirst()
                .orElse(r.locks().isEmpty() ? "its lock" : LockTraceText.mode(r.locks().get(0).mode()));
        return "holds " + mode + " on " + r.table() + ", ~" + duration(ms) + " at " + count(size.rows()) + " rows";
    }

    /** Every record with its estimate, where one can be made. */
    List<LockTrace.Record> estimated(List<LockTrace.Record> records) {
        return records.stream().map(r -> {
            String e = estimate(r);
            return e == null ? r : r.withEstimate(e);
        }).toList();
    }

    static String duration(double ms) {
        if (ms < 1000) {
            return "1 s";
        }
        double s = ms / 1000;
        if (s < 90) {
            return Math.round(s) + " s";
        }
        if (s < 90 * 60) {
            return Math.round(s / 60) + " min";
        }
        return String.format(Locale.ROOT, "%.1f h", s / 3600);
    }

    static String count(long rows) {
        if (rows >= 1_000_000_000) {
            return trim(rows / 1e9) + "G";
        }
        if (rows >= 1_000_000) {
            return trim(rows / 1e6) + "M";
        }
        if (rows >= 1_000) {
            return trim(rows / 1e3) + "k";
        }
        return Long.toString(rows);
    }

    private static String trim(double v) {
        return v >= 10 ? Long.toString(Math.round(v)) : String.format(Locale.ROOT, "%.1f", v).replace(".0", "");
    }
}
