package dev.migsafe.plan;

import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import dev.migsafe.plan.RunbookBlock.Bullet;
import dev.migsafe.plan.RunbookBlock.Code;
import dev.migsafe.plan.RunbookBlock.Field;
import dev.migsafe.plan.RunbookBlock.Heading;
import dev.migsafe.plan.RunbookBlock.Paragraph;
import dev.migsafe.plan.RunbookBlock.Table;
import dev.migsafe.plan.RunbookBlock.Task;
import dev.migsafe.rules.Finding;
import dev.migsafe.verdict.Strategy;
import dev.migsafe.verify.Step;

/** What a runbook says and in which order, for every output format. */
public final class RunbookLayout {
    /** Failures shown per failed verification step; the JSON report has them all. */
    private static final int MAX_STEP_FAILURES = 3;

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private RunbookLayout() {
    }

    static List<RunbookBlock> of(Plan p) {
        List<RunbookBlock> out = new ArrayList<>();
        out.add(new Heading(1, "Rollback runbook: " + p.from() + " → " + p.to()));
        out.add(new Paragraph(p.dialect().id() + ", " + p.tool().displayName() + ", deploy: "
                + (p.deploy() == null ? "generic" : p.deploy().id()) + "; made by migsafe at " + UTC.format(p.generatedAt())
                + ". migsafe prints these commands and never runs them: read each one before you run it, on the"
                + " right database."));
        verdict(p, out);
        decision(p, out);
        history(p, out);
        if (!p.beforeDeploy().isEmpty()) {
            out.add(new Heading(2, "Before the deploy of " + p.from()));
            p.beforeDeploy().forEach(s -> out.add(task(s)));
        }
        out.add(new Heading(2, "Setup"));
        out.add(new Paragraph("Every command below reads these variables; set them once in the shell you work in."));
        out.add(new Code(String.join("\n", p.setup())));
        int n = 1;
        for (Strategy s : p.strategies()) {
            boolean recommended = s.name().equals(p.matrix().recommended());
            out.add(new Heading(2, n++ + ". " + s.name() + (recommended ? " (recommended)" : "")
                    + (s.feasible() ? "" : " (not possible)")));
            out.add(new Paragraph((s.feasible() ? "Possible" : "Not possible") + "; data loss: " + s.dataLoss() + ". " + s.notes()));
            s.steps().forEach(step -> out.add(task(step)));
        }
        incidentReport(p, out);
        return out;
    }

    private static void verdict(Plan p, List<RunbookBlock> out) {
        out.add(new Heading(2, "Verdict: " + p.verdict()));
        List<Step> failedSteps = p.verification() == null ? List.of()
                : p.verification().steps().stream().filter(Step::isFailed).toList();
        if (p.blocking().isEmpty() && failedSteps.isEmpty()) {
            out.add(new Paragraph(p.to() + " runs on the schema " + p.from() + " leaves: the application alone can go back."));
            return;
        }
        if (!p.blocking().isEmpty()) {
            out.add(new Paragraph(p.to() + " cannot run on the schema " + p.from() + " leaves:"));
            for (Finding f : p.blocking()) {
                out.add(new Bullet(f.ruleId() + " " + f.name() + " " + f.object() + " (" + f.file() + ":" + f.line() + "): "
                        + f.message()));
            }
        }
        if (!failedSteps.isEmpty()) {
            out.add(new Paragraph("The verification on " + p.verification().database() + " failed:"));
            for (Step s : failedSteps) {
                String shown = s.failures().stream().limit(MAX_STEP_FAILURES).collect(Collectors.joining("; "))
                        + (s.failures().size() > MAX_STEP_FAILURES ? "; ..." : "");
                out.add(new Bullet(s.name() + ": " + s.details() + (shown.isEmpty() ? "" : " (" + shown + ")")));
            }
        }
    }

    private static void decision(Plan p, List<RunbookBlock> out) {
        DecisionMatrix m = p.matrix();
        out.add(new Heading(2, "Decision (incident severity: " + m.severity().id() + ")"));
        List<List<String>> rows = new ArrayList<>();
        for (DecisionMatrix.Row r : m.rows()) {
            rows.add(List.of(r.strategy(), r.feasible() ? "yes" : "no", r.dataLoss(), r.timeToFix(), r.choose()));
        }
        out.add(new Table(List.of("Way back", "Possible", "Data loss", "Time to fix", "Choose at severity"), rows));
        out.add(new Paragraph("Recommended: " + m.recommended() + ", because " + m.reason()
                + " Run 'migsafe plan " + p.from() + " " + p.to() + " --severity low|high|critical' to weigh it otherwise."));
    }

    private static void history(Plan p, List<RunbookBlock> out) {
        out.add(new Heading(2, "Restore target and data-loss window"));
        if (p.history() == null) {
            out.add(new Paragraph("No --history-url given: the restore target is the moment just before the first"
                    + " migration of the range ran; read it from the history table ("
                    + RestoreSteps.historyTimeQuery(p.tool(), p.historyTable()) + ") or give --history-url with a read-only user."));
        } else {
            out.add(new Bullet("History: " + p.history().table() + " (" + p.history().tool().displayName() + ") on "
                    + p.history().database() + ", read over a session verified read-only: "
                    + (p.history().readOnly() ? "yes" : "NO")));
            RestoreTarget t = p.target();
            out.add(new Bullet("Range migrations run: " + (t.ran().isEmpty() ? "none" : String.join(", ", t.ran()))
                    + (t.notRun().isEmpty() ? "" : "; not run: " + String.join(", ", t.notRun()))));
            if (t.time() != null) {
                out.add(new Bullet("Restore target: " + RestoreTarget.postgresTime(t.time())));
                Duration window = p.dataLossWindow();
                out.add(new Bullet("Data-loss window: from the target to the moment writes stop; so far "
                        + human(window) + " (until " + UTC.format(p.generatedAt()) + ")"));
            }
            t.notes().forEach(note -> out.add(new Bullet(note)));
        }
        out.add(new Paragraph("Tables that may have been written since the target (every table of " + p.to()
                + "; the restore section copies their new rows back): " + String.join(", ", p.tablesAtRisk()) + "."));
    }

    private static void incidentReport(Plan p, List<RunbookBlock> out) {
        out.add(new Heading(2, "Incident report"));
        out.add(new Field("Incident"));
        out.add(new Field("Severity (low / high / critical)"));
        out.add(new Field("Release deployed: " + p.from() + "; release gone back to: " + p.to()));
        out.add(new Field("Way back chosen (recommended: " + p.matrix().recommended() + ")"));
        out.add(new Field("Data impact (rows lost, rows copied back, tables)"));
        String firstRan = p.target() != null && p.target().time() != null
                ? RestoreTarget.postgresTime(p.target().time()) : "";
        out.add(new Table(List.of("Time (UTC)", "Event", "Who"), List.of(
                List.of("", "Deploy of " + p.from() + " started", ""),
                List.of(firstRan, "First migration of the range ran", ""),
                List.of("", "Problem detected (alert, report)", ""),
                List.of("", "Decision taken: way back and why", ""),
                List.of("", "Writes stopped / maintenance mode", ""),
                List.of("", "Way back started", ""),
                List.of("", "Service back on " + p.to() + ", health checks green", ""),
                List.of("", "Data copied back and verified", ""),
                List.of("", "Incident closed", ""))));
        out.add(new Field("Root cause"));
        out.add(new Field("What would have caught it before the deploy"));
        out.add(new Field("Follow-ups (owner, date)"));
    }

    private static RunbookBlock task(Strategy.Step s) {
        return new Task(s.title(), s.command());
    }

    static String human(Duration d) {
        if (d == null) {
            return "unknown";
        }
        long s = Math.max(0, d.getSeconds());
        if (s < 120) {
            return s + " s";
        }
        if (s < 7200) {
            return s / 60 + " min";
        }
        return s / 3600 + " h " + (s % 3600) / 60 + " min";
    }
}
