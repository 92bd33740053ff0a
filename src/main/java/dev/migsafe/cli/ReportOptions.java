package dev.migsafe.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.migsafe.BadInputException;
import dev.migsafe.report.ReportFormat;
import picocli.CommandLine.Option;

/** {@code --format} and {@code --output}, shared by every command that writes a report. */
final class ReportOptions {

    @Option(names = "--format", paramLabel = "F", split = ",",
            description = "Report format: text (default), json. Repeatable.")
    List<String> formats = new ArrayList<>();

    @Option(names = "--output", paramLabel = "DIR",
            description = "Write every report format into DIR (e.g. reports/) instead of printing the first one.")
    Path output;

    List<ReportFormat> formats() {
        if (formats.isEmpty()) {
            return List.of(ReportFormat.TEXT);
        }
        List<ReportFormat> out = new ArrayList<>();
        for (String f : formats) {
            try {
                ReportFormat rf = ReportFormat.valueOf(f.trim().toUpperCase(Locale.ROOT));
                if (!out.contains(rf)) {
                    out.add(rf);
                }
            } catch (IllegalArgumentException e) {
                throw new BadInputException("--format " + f + ": unknown format; use one of "
                        + String.join(", ", java.util.Arrays.stream(ReportFormat.values()).map(ReportFormat::id).toList()));
            }
        }
        return out;
    }
}
