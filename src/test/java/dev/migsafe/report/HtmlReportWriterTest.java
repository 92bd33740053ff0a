package dev.migsafe.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The HTML report is one self-contained page with every section; how it looks is checked in a real
 * browser by src/test/scripts/screenshot-report.sh. This test also leaves the sample page in
 * target/report-samples/ for that kind of look.
 */
class HtmlReportWriterTest {

    @Test
    void selfContainedPageWithEverySection() throws IOException {
        String html = render(SampleReports.noGo(), RenderOptions.plain());
        Path sample = Path.of("target/report-samples/no-go.html");
        Files.createDirectories(sample.getParent());
        Files.writeString(sample, html);

        assertTrue(html.startsWith("<!DOCTYPE html>"));
        // no external asset: no stylesheet link, no script or image source, no URL at all without --rules-url
        assertFalse(html.contains("<link"), "no <link>");
        assertFalse(Pattern.compile("\\ssrc=").matcher(html).find(), "no src=");
        assertFalse(html.contains("http://") || html.contains("https://"), "no URL");
        for (String id : new String[]{"findings", "schema", "migrations", "verification", "ways-back", "notes"}) {
            assertTrue(html.contains("<section id=\"" + id + "\">"), "section " + id);
        }
        // a finding shows its statement with file:line and the line number
        assertTrue(html.contains("<figcaption>db/migration/V6__rename_customer_name.sql:4</figcaption><pre><span class=\"ln\">4</span>"), html);
        assertTrue(html.contains("<span class=\"kw\">ALTER</span> <span class=\"kw\">TABLE</span> customers"), "keywords highlighted");
        // the blocking finding's file comes first
        assertTrue(html.indexOf("<h3>db/migration/V6__rename_customer_name.sql</h3>")
                < html.indexOf("<h3>db/migration/U8__add_order_note.sql</h3>"));
        // escaping: the message's quotes and the fix's angle brackets are text, not markup
        assertTrue(html.contains("or a view &lt;customers_v1&gt;."));
        assertTrue(html.contains("&#39;column &quot;name&quot; does not exist&#39;"));
        // the severity filter offers what is there
        assertTrue(html.contains("data-sev=\"error\""));
        assertTrue(html.contains("data-sev=\"silenced\""));
        assertTrue(html.contains("suppressed: fax unused since v1.1 (#482)"));
        assertTrue(html.contains("<span class=\"chg changed\">column renamed</span></td><td><code>customers.full_name</code></td><td><code>name</code>"));
        assertTrue(html.contains("1 earlier migration (already released, unchanged)"));
        assertBalanced(html, "section");
        assertBalanced(html, "article");
        assertBalanced(html, "table");
        assertBalanced(html, "div");
    }

    @Test
    void ruleLinksOnlyWithARulesUrl() throws IOException {
        String html = render(SampleReports.noGo(), new RenderOptions(false, "https://example.org/migsafe/rules/", ""));
        assertTrue(html.contains("<a class=\"rule\" href=\"https://example.org/migsafe/rules/BC102.md\""), html);
    }

    @Test
    void goPageWithoutFindings() throws IOException {
        String html = render(SampleReports.go(), RenderOptions.plain());
        assertTrue(html.contains("<header class=\"banner go\">"));
        assertTrue(html.contains("<p class=\"empty\">No findings.</p>"));
        assertFalse(html.contains("id=\"schema\""), "no schema comparison for analyze");
    }

    private static void assertBalanced(String html, String tag) {
        assertEquals(count(html, "<" + tag + "[ >]"), count(html, "</" + tag + ">"), "<" + tag + "> balanced");
    }

    private static int count(String s, String regex) {
        Matcher m = Pattern.compile(regex).matcher(s);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static String render(Report report, RenderOptions options) throws IOException {
        StringWriter out = new StringWriter();
        new HtmlReportWriter(options).write(report, out);
        return out.toString();
    }
}
