package dev.migsafe.report;

import java.io.IOException;
import java.io.Writer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The JSON report of DESIGN.md: stable field names, pretty-printed. */
public final class JsonReportWriter implements ReportWriter {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    @Override
    public void write(Report report, Writer out) throws IOException {
        MAPPER.writeValue(out, report);
        out.write(System.lineSeparator());
    }
}
