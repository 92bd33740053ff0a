package dev.migsafe.plan;

import java.util.List;

/** The runbook as Markdown: checklists to tick, fenced shell blocks to copy. Also the plain-text form. */
public final class RunbookMarkdown {

    private RunbookMarkdown() {
    }

    public static String render(Plan plan) {
        StringBuilder sb = new StringBuilder();
        RunbookBlock previous = null;
        for (RunbookBlock b : RunbookLayout.of(plan)) {
            boolean list = b instanceof RunbookBlock.Task || b instanceof RunbookBlock.Bullet || b instanceof RunbookBlock.Field;
            boolean sameList = list && previous != null && previous.getClass() == b.getClass();
            if (previous != null && !sameList) {
                sb.append('\n');
            }
            if (b instanceof RunbookBlock.Heading h) {
                sb.append("#".repeat(h.level())).append(' ').append(h.text()).append('\n');
            } else if (b instanceof RunbookBlock.Paragraph p) {
                sb.append(p.text()).append('\n');
            } else if (b instanceof RunbookBlock.Bullet x) {
                sb.append("- ").append(x.text()).append('\n');
            } else if (b instanceof RunbookBlock.Field f) {
                sb.append("- **").append(f.label()).append(":** \n");
            } else if (b instanceof RunbookBlock.Task t) {
                sb.append("- [ ] ").append(t.text()).append('\n');
                if (t.command() != null) {
                    sb.append("\n  ```sh\n");
                    t.command().lines().forEach(l -> sb.append("  ").append(l).append('\n'));
                    sb.append("  ```\n\n");
                }
            } else if (b instanceof RunbookBlock.Code c) {
                sb.append("```sh\n").append(c.text()).append("\n```\n");
            } else if (b instanceof RunbookBlock.Table t) {
                table(sb, t.headers(), t.rows());
            }
            previous = b;
        }
        return sb.toString();
    }

    private static void table(StringBuilder sb, List<String> headers, List<List<String>> rows) {
        sb.append("| ").append(String.join(" | ", headers)).append(" |\n");
        sb.append("|").append("---|".repeat(headers.size())).append('\n');
        for (List<String> row : rows) {
            sb.append("| ").append(String.join(" | ", row.stream().map(c -> c.replace("|", "\\|")).toList())).append(" |\n");
        }
    }
}
