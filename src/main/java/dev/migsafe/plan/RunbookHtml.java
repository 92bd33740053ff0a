package dev.migsafe.plan;

import java.util.List;

/** The runbook as one self-contained HTML page: checkboxes to tick, commands in pre blocks. */
public final class RunbookHtml {

    private RunbookHtml() {
    }

    public static String render(Plan plan) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>migsafe plan ")
                .append(esc(plan.from())).append(" → ").append(esc(plan.to())).append("</title>\n<style>\n")
                .append("body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.45}\n")
                .append("pre{background:#f4f4f4;padding:.6rem;overflow-x:auto}table{border-collapse:collapse}\n")
                .append("td,th{border:1px solid #bbb;padding:.3rem .5rem;text-align:left}ul.tasks{list-style:none;padding-left:0}\n")
                .append("li.field{margin:.4rem 0}li.field span{display:inline-block;min-width:20rem;border-bottom:1px solid #999}\n")
                .append("</style>\n</head>\n<body>\n");
        String openList = null;
        for (RunbookBlock b : RunbookLayout.of(plan)) {
            String list = b instanceof RunbookBlock.Task ? "tasks" : b instanceof RunbookBlock.Bullet ? "bullets"
                    : b instanceof RunbookBlock.Field ? "fields" : null;
            if (openList != null && !openList.equals(list)) {
                sb.append("</ul>\n");
                openList = null;
            }
            if (list != null && openList == null) {
                sb.append("<ul class=\"").append(list).append("\">\n");
                openList = list;
            }
            if (b instanceof RunbookBlock.Heading h) {
                sb.append("<h").append(h.level()).append('>').append(esc(h.text())).append("</h").append(h.level()).append(">\n");
            } else if (b instanceof RunbookBlock.Paragraph p) {
                sb.append("<p>").append(esc(p.text())).append("</p>\n");
            } else if (b instanceof RunbookBlock.Bullet x) {
                sb.append("<li>").append(esc(x.text())).append("</li>\n");
            } else if (b instanceof RunbookBlock.Field f) {
                sb.append("<li class=\"field\"><strong>").append(esc(f.label())).append(":</strong> <span></span></li>\n");
            } else if (b instanceof RunbookBlock.Task t) {
                sb.append("<li><label><input type=\"checkbox\"> ").append(esc(t.text())).append("</label>");
                if (t.command() != null) {
                    sb.append("\n<pre><code>").append(esc(t.command())).append("</code></pre>");
                }
                sb.append("</li>\n");
            } else if (b instanceof RunbookBlock.Code c) {
                sb.append("<pre><code>").append(esc(c.text())).append("</code></pre>\n");
            } else if (b instanceof RunbookBlock.Table t) {
                table(sb, t.headers(), t.rows());
            }
        }
        if (openList != null) {
            sb.append("</ul>\n");
        }
        return sb.append("</body>\n</html>\n").toString();
    }

    private static void table(StringBuilder sb, List<String> headers, List<List<String>> rows) {
        sb.append("<table>\n<tr>");
        headers.forEach(h -> sb.append("<th>").append(esc(h)).append("</th>"));
        sb.append("</tr>\n");
        for (List<String> row : rows) {
            sb.append("<tr>");
            row.forEach(c -> sb.append("<td>").append(esc(c)).append("</td>"));
            sb.append("</tr>\n");
        }
        sb.append("</table>\n");
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
