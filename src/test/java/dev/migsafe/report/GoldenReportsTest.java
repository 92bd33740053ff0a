package dev.migsafe.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.migsafe.report.Report.FindingEntry;
import dev.migsafe.rules.RuleCatalog;
import dev.migsafe.rules.RuleInfo;

/**
 * Golden tests of the Markdown, JUnit and GitHub annotation outputs (see {@link Golden} for how to
 * regenerate them), plus the properties the goldens alone would not make obvious.
 */
class GoldenReportsTest {
    private static final RenderOptions LINKED = new RenderOptions(false,
            "https://github.com/example/migsafe/blob/main/rules", "services/shop/");

    @Test
    void markdownNoGo() {
        Golden.check("no-go.md", new MarkdownReportWriter(LINKED), SampleReports.noGo());
    }

    @Test
    void markdownGo() {
        Golden.check("go.md", new MarkdownReportWriter(RenderOptions.plain()), SampleReports.go());
    }

    /** A fixed rule list, so that the goldens do not change each time a rule joins the catalog. */
    private static final List<RuleInfo> RULES = Stream.of("BC102", "BC104", "DL203", "RB301", "RB302")
            .map(id -> RuleCatalog.byId(id).orElseThrow().info()).toList();

    @Test
    void junitNoGo() {
        Golden.check("no-go-junit.xml", new JUnitReportWriter(RULES), SampleReports.noGo());
    }

    @Test
    void junitGo() {
        Golden.check("go-junit.xml", new JUnitReportWriter(RULES), SampleReports.go());
    }

    @Test
    void annotationsNoGo() {
        Golden.check("no-go-annotations.txt", new GitHubAnnotationWriter(LINKED), SampleReports.noGo());
    }

    @Test
    void annotationsEscapeSoAMessageCannotEndTheCommand() throws IOException {
        String out = render(new GitHubAnnotationWriter(RenderOptions.plain()), SampleReports.noGo());
        List<String> lines = out.lines().toList();
        // one line per active finding: suppressed and baselined ones are left out
        assertEquals(3, lines.size(), out);
        String bc102 = lines.stream().filter(l -> l.contains("BC102")).findFirst().orElseThrow();
        assertTrue(bc102.startsWith("::error file=db/migration/V6__rename_customer_name.sql,line=4,title=BC102 rename-column::"), bc102);
        assertTrue(bc102.contains("100%25 of its queries"), "% escaped in data: " + bc102);
        assertTrue(bc102.contains("%0Asecond line, with a comma: and a colon"), "newline escaped, , and : kept in data");
        assertEquals("a%3Ab%2Cc%25d%0Ae", GitHubAnnotationWriter.property("a:b,c%d\ne"));
        assertTrue(out.contains("::notice file=db/migration/V7__drop_legacy.sql,title=RB301 missing-down::"),
                "info is a notice, and a finding without a line has no line property: " + out);
    }

    @Test
    void markdownStaysUnderTheCapAndSaysHowManyWereLeftOut() throws IOException {
        Report base = SampleReports.noGo();
        List<FindingEntry> many = new ArrayList<>();
        for (int i = 1; i <= 400; i++) {
            many.add(SampleReports.finding("BC104", "drop-column", "backward-compatibility", "error",
                    String.format("db/migration/V%03d__drop.sql", i), 3, "t" + i + ".c", "ALTER TABLE t" + i + " DROP COLUMN c",
                    "the older release still writes t" + i + ".c", "Stop using the column first, then drop it in a later release.",
                    false, null, false, true));
        }
        Report big = new Report(1, base.tool(), base.command(), base.from(), base.to(), base.dialect(), "NO_GO",
                new Report.Summary(400, 0, 0, 400, 0, 0, 0), base.migrations(), many, null, base.strategies(), null, null, null);
        String md = render(new MarkdownReportWriter(RenderOptions.plain()), big);
        assertTrue(md.length() <= MarkdownReportWriter.DEFAULT_MAX_CHARS, "length " + md.length());
        int shown = (int) md.lines().filter(l -> l.startsWith("- ❌ **BC104")).count();
        assertTrue(shown > MarkdownReportWriter.OPEN_FINDINGS && shown < 400, "shown " + shown);
        assertTrue(md.contains("**… and " + (400 - shown) + " more findings** not shown here"), md.substring(md.length() - 600));
        assertTrue(md.contains("<details><summary>" + (400 - MarkdownReportWriter.OPEN_FINDINGS) + " more findings</summary>"));
        assertTrue(md.indexOf("</details>") > md.lastIndexOf("- ❌ **BC104"), "the fold is closed after the last finding");
        assertTrue(md.contains("### Ways back to v1.2.9"), "the ways back survive the cap");

        String small = render(new MarkdownReportWriter(RenderOptions.plain(), 3_000), big);
        assertTrue(small.length() <= 3_000, "length " + small.length());
        assertTrue(small.startsWith("## ❌ migsafe: NO_GO"), "verdict first");
    }

    @Test
    void junitFailuresMatchTheBlockingFindings() throws IOException {
        String xml = render(new JUnitReportWriter(), SampleReports.noGo());
        // BC102 (blocking) and the failed verification step; the non-blocking warning and the
        // suppressed or baselined findings do not fail
        assertTrue(xml.contains("<testsuites name=\"migsafe can-rollback v1.3.1 -&gt; v1.2.9\""), xml);
        assertTrue(xml.contains("failures=\"2\""), xml);
        assertFalse(xml.contains("<failure type=\"DL203\""));
        assertTrue(xml.contains("<skipped message=\"suppressed: fax unused since v1.1 (#482)\"/>"), xml);
    }

    private static String render(ReportWriter writer, Report report) throws IOException {
        StringWriter out = new StringWriter();
        writer.write(report, out);
        return out.toString();
    }
}
