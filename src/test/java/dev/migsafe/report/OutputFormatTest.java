package dev.migsafe.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migsafe.BadInputException;
import dev.migsafe.plan.RunbookFormat;

/** {@code --format} as every command reads it: order kept, each format once, the default when none. */
class OutputFormatTest {

    @Test
    void formatsComeInTheOrderAskedEachOnce() {
        assertEquals(List.of(ReportFormat.SARIF, ReportFormat.TEXT),
                OutputFormat.parse(List.of("sarif", " TEXT", "sarif"), ReportFormat.values(), ReportFormat.TEXT));
    }

    @Test
    void noFormatIsTheDefault() {
        assertEquals(List.of(ReportFormat.TEXT), OutputFormat.parse(List.of(), ReportFormat.values(), ReportFormat.TEXT));
    }

    @Test
    void anUnknownFormatNamesTheCommandsOwn() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> OutputFormat.parse(List.of("junit"), RunbookFormat.values(), RunbookFormat.TEXT));
        assertEquals("--format junit: unknown format; use one of text, markdown, html, json", e.getMessage());
    }
}
