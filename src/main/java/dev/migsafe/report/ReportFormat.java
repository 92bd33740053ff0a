package dev.migsafe.report;

import java.util.Locale;

/** The report formats of {@code --format}, with the file name each is written to under {@code --output}. */
public enum ReportFormat implements OutputFormat {
    TEXT("migsafe-report.txt"),
    JSON("migsafe-report.json"),
    SARIF("migsafe-report.sarif"),
    MARKDOWN("migsafe-report.md"),
    HTML("migsafe-report.html"),
    JUNIT("migsafe-junit.xml"),
    CODEQUALITY("migsafe-codequality.json");

    private final String fileName;

    ReportFormat(String fileName) {
        this.fileName = fileName;
    }

    @Override
    public String fileName() {
        return fileName;
    }

    @Override
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public ReportWriter writer(RenderOptions options) {
        return switch (this) {
            case TEXT -> new TextReportWriter(options.color());
            case JSON -> new JsonReportWriter();
            case SARIF -> new SarifReportWriter(options);
            case MARKDOWN -> new MarkdownReportWriter(options);
            case HTML -> new HtmlReportWriter(options);
            case JUNIT -> new JUnitReportWriter();
            case CODEQUALITY -> new CodeQualityReportWriter(options);
        };
    }
}
