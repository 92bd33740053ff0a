package dev.migsafe.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import dev.migsafe.BadInputException;
import dev.migsafe.sql.MigrationScript;

/**
 * Reads one migration file as text and refuses what is not a migration: files over the size limit
 * (checked from the listing before any byte is read), binary files and text that is not UTF-8.
 * Each refusal is a {@link BadInputException} naming the file, the line when there is one, and
 * what to do.
 */
public final class ScriptLoader {
    /** Reference-data loads of tens of megabytes are real migrations; a file over this is refused. */
    public static final long DEFAULT_MAX_BYTES = 256L * 1024 * 1024;

    private final long maxBytes;

    public ScriptLoader() {
        this(DEFAULT_MAX_BYTES);
    }

    public ScriptLoader(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The whole file as one script starting at line 1. */
    public MigrationScript load(MigrationFiles files, MigrationFiles.Entry entry) {
        return new MigrationScript(files.displayPath(entry.relativePath()), text(files, entry));
    }

    /** The file's text, validated. */
    public String text(MigrationFiles files, MigrationFiles.Entry entry) {
        String shown = files.displayPath(entry.relativePath());
        if (entry.size() > maxBytes) {
            throw new BadInputException(shown + ": file is " + megabytes(entry.size()) + ", over the "
                    + megabytes(maxBytes) + " limit for a migration; split it into smaller migrations"
                    + " or leave it out of the migrations folder");
        }
        byte[] bytes;
        try {
            bytes = files.read(entry.relativePath());
        } catch (IOException e) {
            throw new BadInputException(shown + ": cannot read the file (" + DirectoryFiles.reason(e)
                    + "); check that it exists and is readable", e);
        } catch (OutOfMemoryError e) {
            // the listing's size was stale (the file grew): still a user error, not a crash
            throw new BadInputException(shown + ": file too large to read; split it into smaller migrations");
        }
        if (bytes.length > maxBytes) {
            throw new BadInputException(shown + ": file is " + megabytes(bytes.length) + ", over the "
                    + megabytes(maxBytes) + " limit for a migration; split it into smaller migrations");
        }
        return decode(shown, bytes);
    }

    /**
     * Strict UTF-8 decoding of a file's bytes; a leading byte-order mark is dropped. Validation runs
     * through a small buffer, so the only large allocation is the string itself (one byte per
     * character for ASCII text).
     */
    static String decode(String shown, byte[] bytes) {
        boolean ascii = true;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new BadInputException(shown + ":" + lineAt(bytes, i) + ": binary content (NUL byte);"
                        + " a migration must be a UTF-8 text file (UTF-16 files: save as UTF-8)");
            }
            ascii &= bytes[i] > 0;
        }
        int start = hasUtf8Bom(bytes) ? 3 : 0;
        if (ascii) {
            return new String(bytes, start, bytes.length - start, StandardCharsets.ISO_8859_1);
        }
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer out = CharBuffer.allocate(8192);
        CoderResult result;
        do {
            out.clear();
            result = decoder.decode(in, out, true);
        } while (result.isOverflow());
        if (!result.isError()) {
            out.clear();
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int bad = in.position();
            String badByte = bad < bytes.length
                    ? String.format(Locale.ROOT, "0x%02X", bytes[bad] & 0xFF) : "truncated sequence at end";
            throw new BadInputException(shown + ":" + lineAt(bytes, bad) + ": not valid UTF-8 (byte " + badByte
                    + "); save the file as UTF-8");
        }
        return new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
    }

    private static boolean hasUtf8Bom(byte[] b) {
        return b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF;
    }

    /** 1-based line of a byte offset; LF, CRLF and a lone CR each end a line (see {@link dev.migsafe.sql.LineEnds}). */
    private static int lineAt(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n' || bytes[i] == '\r' && (i + 1 >= bytes.length || bytes[i + 1] != '\n')) {
                line++;
            }
        }
        return line;
    }

    private static String megabytes(long bytes) {
        double mb = bytes / (1024.0 * 1024.0);
        if (mb >= 10) {
            return Math.round(mb) + " MB";
        }
        if (mb >= 1) {
            return String.format(Locale.ROOT, "%.1f MB", mb);
        }
        return bytes >= 1024 ? Math.round(bytes / 1024.0) + " KB" : bytes + " bytes";
    }
}
