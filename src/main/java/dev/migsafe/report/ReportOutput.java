package dev.migsafe.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.migsafe.AtomicFiles;
import dev.migsafe.BadInputException;

/**
 * Delivers a finished report: the first format to stdout when no output directory is given, every
 * format to a file under the directory otherwise, all or none ({@link AtomicFiles}): a failure never
 * leaves a half-written report, nor one report of a new run beside another of the last.
 */
public final class ReportOutput {

    private ReportOutput() {
    }

    /**
     * @param outputDir directory to write to, or null for stdout
     * @return the files written
     */
    public static List<Path> deliver(Report report, List<ReportFormat> formats, Path outputDir, Writer stdout,
                                     RenderOptions options) {
        List<Path> written = new ArrayList<>();
        try {
            if (outputDir == null) {
                formats.get(0).writer(options).write(report, stdout);
                stdout.flush();
                return written;
            }
            Map<Path, String> rendered = new LinkedHashMap<>();
            for (ReportFormat f : formats) {
                StringWriter sw = new StringWriter();
                f.writer(options.withColour(false)).write(report, sw);
                rendered.put(outputDir.resolve(f.fileName()), sw.toString());
            }
            createDirectory(outputDir);
            written.addAll(AtomicFiles.writeAll(rendered));
            return written;
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
