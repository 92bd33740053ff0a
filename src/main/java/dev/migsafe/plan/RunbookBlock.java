package dev.migsafe.plan;

import java.util.List;

/** The pieces a runbook is made of; {@link RunbookMarkdown} and {@link RunbookHtml} only decide the syntax. */
sealed interface RunbookBlock {

    record Heading(int level, String text) implements RunbookBlock {
    }

    record Paragraph(String text) implements RunbookBlock {
    }

    record Bullet(String text) implements RunbookBlock {
    }

    /** A checklist line to tick, with the command to run when there is one. */
    record Task(String text, String command) implements RunbookBlock {
    }

    record Code(String text) implements RunbookBlock {
    }

    record Table(List<String> headers, List<List<String>> rows) implements RunbookBlock {
    }

    /** A blank to fill in the incident report. */
    record Field(String label) implements RunbookBlock {
    }
}
