package dev.migsafe.report;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migsafe.report.Report.FindingEntry;
import dev.migsafe.report.Report.MigrationEntry;
import dev.migsafe.report.Report.SchemaChange;
import dev.migsafe.report.Report.StepEntry;
import dev.migsafe.rules.RuleCatalog;
import dev.migsafe.verdict.Strategy;
import dev.migsafe.verify.LockTraceText;

/**
 * A self-contained HTML page (inline CSS and a few lines of inline script, no external asset): a
 * verdict banner, the findings in the context of their statement and file:line with a severity
 * filter, the schema changes between the releases, the migrations of the range, the verification
 * steps and the ways back.
 */
public final class HtmlReportWriter implements ReportWriter {
    private static final Pattern KEYWORDS = Pattern.compile("(?i)\\b(ALTER|TABLE|RENAME|COLUMN|TO|ADD|DROP|CREATE|"
            + "INDEX|UNIQUE|CONCURRENTLY|VIEW|OR|REPLACE|AS|SELECT|FROM|WHERE|UPDATE|SET|DELETE|INSERT|INTO|VALUES|"
            + "NOT|NULL|DEFAULT|PRIMARY|KEY|FOREIGN|REFERENCES|CONSTRAINT|CHECK|TYPE|USING|ON|IF|EXISTS|TRUNCATE|"
            + "CASCADE|MODIFY|CHANGE|ENUM|SEQUENCE|FUNCTION|TRIGGER|BEGIN|END|AND|IN|IS)\\b");

    private final RenderOptions options;

    public HtmlReportWriter(RenderOptions options) {
        this.options = options;
    }

    @Override
    public void write(Report r, Writer out) throws IOException {
        StringBuilder sb = new StringBuilder(16_384);
        String title = "migsafe " + r.verdict() + " — " + Headline.what(r, "→");
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(title)).append("</title>\n<style>").append(CSS).append("</style>\n")
                .append("</head>\n<body>\n");
        banner(r, sb);
        sb.append("<main>\n");
        nav(r, sb);
        findings(r, sb);
        schemaChanges(r, sb);
        migrations(r, sb);
        verification(r, sb);
        strategies(r, sb);
        notes(r, sb);
        sb.append("</main>\n<footer>migsafe ").append(esc(r.tool().version()))
                .append(" · report schema ").append(r.schemaVersion()).append("</footer>\n");
        sb.append("<script>").append(SCRIPT).append("</script>\n</body>\n</html>\n");
        out.write(sb.toString());
    }

    private void banner(Report r, StringBuilder sb) {
        sb.append("<header class=\"banner ").append(r.isGo() ? "go" : "nogo").append("\">\n")
                .append("<div class=\"verdict\">").append(r.isGo() ? "✓ " : "✗ ").append(esc(r.verdict())).append("</div>\n")
                .append("<div class=\"meaning\">").append(esc(capitalise(Headline.meaning(r)))).append("</div>\n")
                .append("<div class=\"meta\"><code>").append(esc(Headline.what(r, "→"))).append("</code> · ")
                .append(esc(r.dialect())).append(" · ").append(esc(Headline.plural(Headline.rangeSize(r), "migration")))
                .append(" · ").append(esc(Headline.plural(r.summary().statements(), "statement")));
        if (r.summary().unparsed() > 0) {
            sb.append(" · <strong>").append(r.summary().unparsed()).append(" not analysed</strong>");
        }
        sb.append("</div>\n<div class=\"counts\">")
                .append(pill("error", Headline.plural(r.summary().errors(), "error")))
                .append(pill("warning", Headline.plural(r.summary().warnings(), "warning")))
                .append(pill("info", Headline.plural(r.summary().infos(), "info")));
        if (r.summary().suppressed() + r.summary().baselined() > 0) {
            sb.append(pill("silenced", (r.summary().suppressed() + r.summary().baselined()) + " suppressed or baselined"));
        }
        sb.append("</div>\n</header>\n");
    }

    private static void nav(Report r, StringBuilder sb) {
        sb.append("<nav><a href=\"#findings\">Findings</a>");
        if (r.schemaChanges() != null) {
            sb.append("<a href=\"#schema\">Schema changes</a>");
        }
        sb.append("<a href=\"#migrations\">Migrations</a>");
        if (r.verification() != null && !r.verification().steps().isEmpty()) {
            sb.append("<a href=\"#verification\">Verification</a>");
        }
        if (r.strategies() != null && !r.strategies().isEmpty()) {
            sb.append("<a href=\"#ways-back\">Ways back</a>");
        }
        sb.append("</nav>\n");
    }

    private void findings(Report r, StringBuilder sb) {
        sb.append("<section id=\"findings\">\n<h2>Findings</h2>\n");
        if (r.findings().isEmpty()) {
            sb.append("<p class=\"empty\">No findings.</p>\n</section>\n");
            return;
        }
        sb.append("<div class=\"filters\" role=\"group\" aria-label=\"Filter findings\">Show ");
        for (String sev : List.of("error", "warning", "info", "silenced")) {
            long n = r.findings().stream().filter(f -> filterKey(f).equals(sev)).count();
            if (n > 0) {
                sb.append("<label class=\"filter ").append(sev).append("\"><input type=\"checkbox\" checked data-sev=\"")
                        .append(sev).append("\"> ").append(sev.equals("silenced") ? "suppressed / baselined" : sev + "s")
                        .append(" <span class=\"n\">").append(n).append("</span></label>");
            }
        }
        sb.append("</div>\n");
        for (Map.Entry<String, List<FindingEntry>> file : Headline.byFileWorstFirst(r.findings()).entrySet()) {
            sb.append("<div class=\"file\">\n<h3>").append(esc(file.getKey())).append("</h3>\n");
            file.getValue().forEach(f -> finding(f, sb));
            sb.append("</div>\n");
        }
        sb.append("</section>\n");
    }

    private void finding(FindingEntry f, StringBuilder sb) {
        sb.append("<article class=\"finding ").append(filterKey(f)).append("\" data-sev=\"").append(filterKey(f))
                .append("\">\n<div class=\"head\"><span class=\"badge ").append(esc(f.severity())).append("\">")
                .append(esc(f.severity())).append("</span> ");
        String uri = options.ruleUri(f.ruleId());
        String summary = RuleCatalog.byId(f.ruleId()).map(rule -> rule.info().summary()).orElse("");
        sb.append(uri != null ? "<a class=\"rule\" href=\"" + esc(uri) + "\"" : "<span class=\"rule\"")
                .append(" title=\"").append(esc(summary)).append("\">").append(esc(f.ruleId()))
                .append(uri != null ? "</a>" : "</span>")
                .append(" <span class=\"name\">").append(esc(f.name())).append("</span>");
        if (f.object() != null && !f.object().isEmpty()) {
            sb.append(" <code class=\"object\">").append(esc(f.object())).append("</code>");
        }
        if (f.blocking()) {
            sb.append(" <span class=\"tag blocking\">blocking</span>");
        }
        if (!f.isActive()) {
            sb.append(" <span class=\"tag silenced\">").append(esc(Headline.silencedBy(f))).append("</span>");
        }
        sb.append("</div>\n");
        sb.append("<figure class=\"statement\"><figcaption>").append(esc(f.file())).append(f.line() > 0 ? ":" + f.line() : "")
                .append("</figcaption><pre><span class=\"ln\">").append(f.line() > 0 ? String.valueOf(f.line()) : "")
                .append("</span><code>")
                .append(f.statement() == null || f.statement().isEmpty() ? "<span class=\"none\">(no single statement: the finding is about the file or migration)</span>"
                        : highlight(f.statement()))
                .append("</code></pre></figure>\n");
        sb.append("<p class=\"why\">").append(esc(f.message())).append("</p>\n");
        if (f.fix() != null) {
            sb.append("<p class=\"fix\"><strong>Safe alternative</strong> ").append(esc(f.fix())).append("</p>\n");
        }
        sb.append("</article>\n");
    }

    private static void schemaChanges(Report r, StringBuilder sb) {
        if (r.schemaChanges() == null) {
            return;
        }
        sb.append("<section id=\"schema\">\n<h2>Schema changes <span class=\"sub\">")
                .append(esc(r.to())).append(" → ").append(esc(Headline.newer(r))).append("</span></h2>\n");
        if (r.schemaChanges().isEmpty()) {
            sb.append("<p class=\"empty\">The two releases have the same schema.</p>\n</section>\n");
            return;
        }
        sb.append("<div class=\"scroll\"><table class=\"schema\">\n<thead><tr><th>Change</th><th>Object</th><th>Before (")
                .append(esc(r.to())).append(")</th><th>After (").append(esc(Headline.newer(r))).append(")</th></tr></thead>\n<tbody>\n");
        for (SchemaChange c : r.schemaChanges()) {
            sb.append("<tr><td><span class=\"chg ").append(changeClass(c.change())).append("\">").append(esc(c.kind()))
                    .append(' ').append(esc(c.change())).append("</span></td><td><code>").append(esc(c.object()))
                    .append("</code></td><td>").append(cellCode(c.before())).append("</td><td>")
                    .append(cellCode(c.after())).append("</td></tr>\n");
        }
        sb.append("</tbody>\n</table></div>\n</section>\n");
    }

    private static String changeClass(String change) {
        return switch (change) {
            case "added" -> "added";
            case "removed" -> "removed";
            default -> "changed";
        };
    }

    private static void migrations(Report r, StringBuilder sb) {
        sb.append("<section id=\"migrations\">\n<h2>Migrations</h2>\n");
        List<MigrationEntry> range = r.migrations().stream().filter(m -> !"unchanged".equals(m.status())).toList();
        List<MigrationEntry> earlier = r.migrations().stream().filter(m -> "unchanged".equals(m.status())).toList();
        if (range.isEmpty()) {
            sb.append("<p class=\"empty\">No migration in the range.</p>\n");
        } else {
            migrationTable(range, sb);
        }
        if (!earlier.isEmpty()) {
            sb.append("<details><summary>").append(Headline.plural(earlier.size(), "earlier migration"))
                    .append(" (already released, unchanged)</summary>\n");
            migrationTable(earlier, sb);
            sb.append("</details>\n");
        }
        sb.append("</section>\n");
    }

    private static void migrationTable(List<MigrationEntry> migrations, StringBuilder sb) {
        sb.append("<div class=\"scroll\"><table>\n<thead><tr><th>ID</th><th>File</th><th>Status</th><th>Down</th></tr></thead>\n<tbody>\n");
        for (MigrationEntry m : migrations) {
            sb.append("<tr><td>").append(esc(m.id())).append("</td><td><code>").append(esc(m.path()))
                    .append("</code></td><td><span class=\"status ").append(esc(m.status())).append("\">")
                    .append(esc(m.status())).append("</span></td><td>")
                    .append(m.downPath() != null ? "<code>" + esc(m.downPath()) + "</code>" : "<span class=\"missing\">none</span>")
                    .append("</td></tr>\n");
        }
        sb.append("</tbody>\n</table></div>\n");
    }

    private static void verification(Report r, StringBuilder sb) {
        if (r.verification() == null || r.verification().steps().isEmpty()) {
            return;
        }
        sb.append("<section id=\"verification\">\n<h2>Verification <span class=\"sub\">")
                .append(esc(r.verification().mode()));
        if (r.verification().database() != null) {
            sb.append(", ").append(esc(r.verification().database()));
        }
        sb.append("</span></h2>\n<div class=\"scroll\"><table>\n<thead><tr><th>Step</th><th>Status</th><th>Time</th><th>Details</th></tr></thead>\n<tbody>\n");
        for (StepEntry s : r.verification().steps()) {
            sb.append("<tr><td>").append(esc(s.name())).append("</td><td><span class=\"status ").append(esc(s.status()))
                    .append("\">").append(esc(s.status())).append("</span></td><td>")
                    .append(String.format("%.1f s", s.durationMs() / 1000.0)).append("</td><td>")
                    .append(esc(s.details() == null ? "" : s.details()));
            if (s.failures() != null && !s.failures().isEmpty()) {
                sb.append("<ul>");
                s.failures().forEach(f -> sb.append("<li>").append(esc(f)).append("</li>"));
                sb.append("</ul>");
            }
            sb.append("</td></tr>\n");
        }
        sb.append("</tbody>\n</table></div>\n");
        lockTimeline(r.verification().locks(), sb);
        sb.append("</section>\n");
    }

    /** Per statement of the range, as the lock trace measured it; every cell escaped. */
    private static void lockTimeline(List<Report.LockEntry> locks, StringBuilder sb) {
        if (locks.isEmpty()) {
            return;
        }
        sb.append("<h3 id=\"lock-timeline\">Lock timeline <span class=\"sub\">measured per statement</span></h3>\n")
                .append("<div class=\"scroll\"><table class=\"locks\">\n<thead><tr><th>Statement</th><th>Locks</th>")
                .append("<th>Blocks</th><th>Rewrite</th><th>Duration</th><th>Second session</th><th>Estimate</th></tr>")
                .append("</thead>\n<tbody>\n");
        for (Report.LockEntry l : locks) {
            sb.append("<tr").append(l.blocks().contains("write") ? " class=\"blocking\"" : "").append("><td><code>")
                    .append(esc(LockTimeline.where(l))).append("</code> ").append("<code>" + highlight(l.statement()) + "</code>").append("</td>");
            if (l.note() != null) {
                sb.append("<td colspan=\"6\" class=\"none\">").append(esc(l.note())).append("</td></tr>\n");
                continue;
            }
            String probe = LockTimeline.probe(l);
            sb.append("<td>").append(esc(LockTimeline.locks(l))).append("</td><td>").append(esc(LockTimeline.blocks(l)))
                    .append(esc(LockTraceText.work(false, null, l.blocks(), l.lockTimeout()).replace(";", ",")))
                    .append("</td><td>").append(l.rewrite() ? "yes" : Boolean.TRUE.equals(l.scan())
                            ? "no, reads the whole table" : "no").append("</td><td>").append(l.durationMs())
                    .append(" ms</td><td>").append(esc(probe == null ? "not probed" : probe)).append("</td><td>")
                    .append(esc(l.estimate() == null ? "" : l.estimate())).append("</td></tr>\n");
        }
        sb.append("</tbody>\n</table></div>\n");
    }

    private static void strategies(Report r, StringBuilder sb) {
        if (r.strategies() == null || r.strategies().isEmpty()) {
            return;
        }
        sb.append("<section id=\"ways-back\">\n<h2>Ways back to ").append(esc(r.to())).append("</h2>\n<div class=\"ways\">\n");
        for (Strategy s : r.strategies()) {
            sb.append("<div class=\"way ").append(s.feasible() ? "feasible" : "infeasible").append("\"><h3>")
                    .append(esc(s.name())).append("</h3><div class=\"facts\"><span class=\"tag ")
                    .append(s.feasible() ? "yes" : "no").append("\">").append(s.feasible() ? "feasible" : "not feasible")
                    .append("</span> <span class=\"tag loss-").append(esc(s.dataLoss())).append("\">data loss: ")
                    .append(esc(s.dataLoss())).append("</span></div><p>").append(esc(s.notes())).append("</p></div>\n");
        }
        sb.append("</div>\n</section>\n");
    }

    private static void notes(Report r, StringBuilder sb) {
        if (r.notes() == null || r.notes().isEmpty()) {
            return;
        }
        sb.append("<section id=\"notes\">\n<h2>Notes</h2>\n<ul>\n");
        r.notes().forEach(n -> sb.append("<li>").append(esc(n)).append("</li>\n"));
        sb.append("</ul>\n</section>\n");
    }

    private static String filterKey(FindingEntry f) {
        return f.isActive() ? f.severity() : "silenced";
    }

    private static String pill(String kind, String text) {
        return "<span class=\"pill " + kind + "\">" + esc(text) + "</span>";
    }

    private static String cellCode(String s) {
        return s == null ? "<span class=\"none\">—</span>" : "<code>" + esc(s) + "</code>";
    }

    /** SQL keywords in bold, the rest escaped. */
    static String highlight(String sql) {
        String escaped = esc(sql);
        Matcher m = KEYWORDS.matcher(escaped);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            // leave entity names (&lt; &gt; &amp; &quot; &#39;) alone: none is a keyword, so nothing to do
            m.appendReplacement(sb, "<span class=\"kw\">" + m.group() + "</span>");
        }
        m.appendTail(sb);
        return sb.toString();
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static final String CSS = """
            :root{--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--bg:#f6f8fa;--card:#fff;--err:#cf222e;--err-bg:#ffebe9;\
            --warn:#9a6700;--warn-bg:#fff8c5;--info:#0969da;--info-bg:#ddf4ff;--ok:#1a7f37;--ok-bg:#dafbe1}
            *{box-sizing:border-box}
            body{margin:0;font:15px/1.5 -apple-system,BlinkMacSystemFont,"Segoe UI",Helvetica,Arial,sans-serif;color:var(--fg);background:var(--bg)}
            code,pre{font-family:ui-monospace,SFMono-Regular,"SF Mono",Menlo,Consolas,"Liberation Mono",monospace;font-size:13px}
            .banner{padding:28px 40px 22px;color:#fff}
            .banner.go{background:linear-gradient(135deg,#1a7f37,#2da44e)}
            .banner.nogo{background:linear-gradient(135deg,#a40e26,#cf222e)}
            .verdict{font-size:40px;font-weight:800;letter-spacing:.5px}
            .meaning{font-size:19px;font-weight:600;margin:2px 0 8px}
            .meta{opacity:.92}.meta code{background:rgba(255,255,255,.18);padding:1px 6px;border-radius:4px;font-size:14px}
            .counts{margin-top:12px;display:flex;gap:8px;flex-wrap:wrap}
            .pill{background:rgba(255,255,255,.95);color:var(--fg);border-radius:999px;padding:2px 12px;font-weight:600;font-size:13px}
            .pill.error{color:var(--err)}.pill.warning{color:var(--warn)}.pill.info{color:var(--info)}.pill.silenced{color:var(--muted)}
            main{max-width:1120px;margin:0 auto;padding:8px 24px 32px}
            nav{display:flex;flex-wrap:wrap;gap:6px 18px;padding:12px 0;border-bottom:1px solid var(--line);margin-bottom:8px}
            nav a{color:var(--info);text-decoration:none;font-weight:600}
            h2{font-size:21px;margin:26px 0 12px}h2 .sub{font-size:14px;font-weight:400;color:var(--muted);margin-left:6px}
            h3{font-size:15px;margin:18px 0 8px;font-family:ui-monospace,Menlo,Consolas,monospace;color:var(--muted);font-weight:600}
            .filters{display:flex;gap:10px;align-items:center;flex-wrap:wrap;color:var(--muted);margin-bottom:6px}
            .filter{display:inline-flex;align-items:center;gap:5px;background:var(--card);border:1px solid var(--line);border-radius:6px;padding:3px 10px;cursor:pointer;color:var(--fg)}
            .filter .n{color:var(--muted);font-weight:600}
            .finding{background:var(--card);border:1px solid var(--line);border-left:5px solid var(--info);border-radius:8px;padding:12px 16px;margin:0 0 12px}
            .finding.error{border-left-color:var(--err)}.finding.warning{border-left-color:#d4a72c}.finding.silenced{border-left-color:#afb8c1;opacity:.72}
            .head{display:flex;gap:8px;align-items:center;flex-wrap:wrap}
            .badge{font-size:12px;font-weight:700;text-transform:uppercase;border-radius:4px;padding:1px 7px}
            .badge.error{background:var(--err-bg);color:var(--err)}.badge.warning{background:var(--warn-bg);color:var(--warn)}.badge.info{background:var(--info-bg);color:var(--info)}
            .rule{font-weight:700;color:var(--fg)}a.rule{color:var(--info)}.name{font-weight:600}
            .object{background:var(--bg);border:1px solid var(--line);border-radius:4px;padding:0 5px}
            .tag{font-size:12px;border-radius:999px;padding:1px 9px;border:1px solid var(--line);color:var(--muted)}
            .tag.blocking{border-color:var(--err);color:var(--err);font-weight:600}
            .statement{margin:10px 0 8px;border:1px solid var(--line);border-radius:6px;overflow:hidden}
            .statement figcaption{background:var(--bg);border-bottom:1px solid var(--line);padding:3px 10px;font:12px ui-monospace,Menlo,Consolas,monospace;color:var(--muted)}
            .statement pre{margin:0;padding:8px 10px;display:flex;gap:14px;white-space:pre-wrap;word-break:break-word;background:#fbfcfd}
            .statement .ln{color:#8c959f;user-select:none;min-width:2ch;text-align:right}
            .kw{color:#8250df;font-weight:600}.none{color:var(--muted);font-style:italic}
            .why{margin:6px 0;white-space:pre-line}.fix{margin:6px 0;background:var(--ok-bg);border-radius:6px;padding:8px 12px}
            .fix strong{color:var(--ok);margin-right:4px}
            .scroll{overflow-x:auto;margin-bottom:10px}.scroll table{margin:0}
            td code{overflow-wrap:anywhere}
            @media (max-width:640px){.banner{padding:20px}.verdict{font-size:32px}main{padding:4px 12px 24px}th,td{padding:6px 8px}.scroll td{white-space:nowrap}.scroll td code{overflow-wrap:normal}}
            table{width:100%;border-collapse:collapse;background:var(--card);border:1px solid var(--line);border-radius:8px;overflow:hidden;margin-bottom:10px}
            th,td{text-align:left;padding:7px 12px;border-bottom:1px solid var(--line);vertical-align:top}
            th{background:var(--bg);font-size:13px;color:var(--muted)}tr:last-child td{border-bottom:0}
            .chg,.status{font-size:12px;font-weight:700;border-radius:4px;padding:1px 7px;white-space:nowrap}
            .chg.added,.status.new,.status.passed{background:var(--ok-bg);color:var(--ok)}
            .chg.removed,.status.removed,.status.failed{background:var(--err-bg);color:var(--err)}
            .chg.changed,.status.changed{background:var(--warn-bg);color:var(--warn)}
            .status.unchanged,.status.skipped{background:var(--bg);color:var(--muted)}
            .missing{color:var(--warn)}
            details{margin:8px 0}summary{cursor:pointer;color:var(--muted)}
            .ways{display:grid;grid-template-columns:repeat(auto-fill,minmax(250px,1fr));gap:12px}
            .way{background:var(--card);border:1px solid var(--line);border-top:4px solid var(--ok);border-radius:8px;padding:10px 14px}
            .way.infeasible{border-top-color:var(--err)}.way h3{margin:2px 0 6px;color:var(--fg)}.way p{margin:8px 0 0;font-size:14px}
            .tag.yes{color:var(--ok);border-color:var(--ok)}.tag.no{color:var(--err);border-color:var(--err)}
            .tag.loss-certain{color:var(--err)}.tag.loss-possible{color:var(--warn)}
            .empty{color:var(--muted)}
            footer{text-align:center;color:var(--muted);font-size:12px;padding:20px}
            [hidden]{display:none!important}
            @media print{nav,.filters{display:none}.banner{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
            """;

    /** The severity filter: hide unticked findings, and files left with none. */
    private static final String SCRIPT = """
            document.querySelectorAll('.filters input').forEach(function(box){box.addEventListener('change',function(){
            var on=Array.from(document.querySelectorAll('.filters input:checked')).map(function(b){return b.dataset.sev;});
            document.querySelectorAll('.finding').forEach(function(f){f.hidden=on.indexOf(f.dataset.sev)<0;});
            document.querySelectorAll('.file').forEach(function(d){d.hidden=!d.querySelector('.finding:not([hidden])');});});});
            """;
}
