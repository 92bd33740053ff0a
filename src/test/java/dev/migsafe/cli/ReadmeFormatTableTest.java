package dev.migsafe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.migsafe.plan.RunbookFormat;
import dev.migsafe.report.ReportFormat;

/** The README's format table names the files `--output` really writes, for reports and for `plan`'s runbooks. */
class ReadmeFormatTableTest {

    /** "| markdown | migsafe-report.md | migsafe-plan.md | a pull-request comment ... |" */
    private static final Pattern ROW = Pattern.compile("(?m)^\\| (\\w+) \\| (migsafe-[\\w.-]+) \\| (\\S+)[^|]* \\|");

    @Test
    void everyFormatRowNamesTheFilesWritten() throws IOException {
        Matcher row = ROW.matcher(Files.readString(Path.of("README.md")));
        Map<String, String> reports = new TreeMap<>();
        Map<String, String> plans = new TreeMap<>();
        while (row.find()) {
            reports.put(row.group(1), row.group(2));
            if (!row.group(3).equals("—")) {
                plans.put(row.group(1), row.group(3));
            }
        }
        Map<String, String> written = new TreeMap<>();
        for (ReportFormat f : ReportFormat.values()) {
            written.put(f.id(), f.fileName());
        }
        Map<String, String> planWritten = new TreeMap<>();
        for (RunbookFormat f : RunbookFormat.values()) {
            planWritten.put(f.id(), f.fileName());
        }
        assertEquals(written, reports, "README's report column against ReportFormat");
        assertEquals(planWritten, plans, "README's plan column against RunbookFormat");
    }
}
