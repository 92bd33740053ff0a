package dev.migsafe.report;

import java.io.IOException;
import java.io.Writer;

/** Renders a report in one format. */
public interface ReportWriter {
    void write(Report report, Writer out) throws IOException;
}
