package dev.migsafe.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.migsafe.AtomicFiles;
import dev.migsafe.BadInputException;

/**
 * Delivers a finished document (a report, a runbook) in the formats asked for: the first format to
 * stdout when no output directory is given, every format to a file under the directory otherwise, all
 * or none ({@link AtomicFiles}): a failure never leaves a half-written file, nor one file of a new run
 * beside another of the last.
 */
public final class ReportOutput {

    /** Renders the document in one format. */
    @FunctionalInterface
    public interface Renderer<F extends OutputFormat> {
        /** @param toStdout whether {@code out} is stdout (which may be a terminal) rather than a file */
        void render(F format, Writer out, boolean toStdout) throws IOException;
    }

    private ReportOutput() {
    }

    /**
     * @param outputDir directory to write to, or null for stdout
     * @return the files written
     */
    public static <F extends OutputFormat> List<Path> deliver(List<F> formats, Path outputDir, Writer stdout,
                                                              Renderer<F> renderer) {
        try {
            if (outputDir == null) {
                renderer.render(formats.get(0), stdout, true);
                stdout.flush();
                return List.of();
            }
            // every file rendered before any is written
            Map<Path, String> rendered = new LinkedHashMap<>();
            for (F f : formats) {
                StringWriter sw = new StringWriter();
                renderer.render(f, sw, false);
                rendered.put(outputDir.resolve(f.fileName()), sw.toString());
            }
            createDirectory(outputDir);
            return AtomicFiles.writeAll(rendered);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void createDirectory(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new BadInputException(dir + ": cannot create the output directory (" + e.getMessage()
                    + "); choose another with --output");
        }
    }
}
