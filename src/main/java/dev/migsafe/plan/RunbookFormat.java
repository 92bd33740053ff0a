package dev.migsafe.plan;

import java.util.Locale;

import dev.migsafe.report.OutputFormat;

/** The formats of {@code plan --format}, with the file each is written to under {@code --output}. */
public enum RunbookFormat implements OutputFormat {
    TEXT("migsafe-plan.txt"),
    MARKDOWN("migsafe-plan.md"),
    HTML("migsafe-plan.html"),
    JSON("migsafe-plan.json");

    private final String fileName;

    RunbookFormat(String fileName) {
        this.fileName = fileName;
    }

    @Override
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String fileName() {
        return fileName;
    }
}
