package dev.migsafe.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import dev.migsafe.BadInputException;

/**
 * Delivers a finished report: the first format to stdout when no output directory is given, every
 * format to a file under the directory otherwise. Each file is rendered in memory and moved into
 * place atomically, so a failure never leaves a half-written report behind.
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
            List<String> rendered = new ArrayList<>();
            for (ReportFormat f : formats) {
                StringWriter sw = new StringWriter();
                f.writer(options.withColour(false)).write(report, sw);
                rendered.add(sw.toString());
            }
            createDirectory(outputDir);
            for (int i = 0; i < formats.size(); i++) {
                Path target = outputDir.resolve(formats.get(i).fileName());
                Path tmp = Files.createTempFile(outputDir, ".migsafe-", ".tmp");
                try {
                    Files.writeString(tmp, rendered.get(i), StandardCharsets.UTF_8);
                    move(tmp, target);
                } finally {
                    Files.deleteIfExists(tmp);
                }
                written.add(target);
            }
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

    private static void move(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
