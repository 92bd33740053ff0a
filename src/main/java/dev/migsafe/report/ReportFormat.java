package dev.migsafe.report;

import java.util.Locale;

/** The report formats of {@code --format}, with the file name each is written to under {@code --output}. */
public enum ReportFormat {
    TEXT("migsafe-report.txt"),
    JSON("migsafe-report.json");

    private final String fileName;

    ReportFormat(String fileName) {
        this.fileName = fileName;
    }

    public String fileName() {
        return fileName;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public ReportWriter writer(boolean colour) {
        return switch (this) {
            case TEXT -> new TextReportWriter(colour);
            case JSON -> new JsonReportWriter();
        };
    }
}
