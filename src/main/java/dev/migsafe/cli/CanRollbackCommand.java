package dev.migsafe.cli;

import java.util.concurrent.Callable;

import dev.migsafe.analysis.AnalysisRequest;
import dev.migsafe.analysis.AnalysisResult;
import dev.migsafe.report.Report;
import dev.migsafe.report.ReportBuilder;
import dev.migsafe.sql.Dialect;
import dev.migsafe.verdict.StrategyAdvisor;
import dev.migsafe.verdict.Verdict;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code migsafe can-rollback FROM TO}: can the application go back from FROM to TO and keep the schema? */
@Command(name = "can-rollback", mixinStandardHelpOptions = true,
        description = {"Can the application be rolled back from FROM (deployed) to TO (older) while keeping the",
                "database as FROM left it? Exit 0 GO, 1 NO_GO, 2 bad input."})
final class CanRollbackCommand implements Callable<Integer> {

    @Mixin
    ReleaseSelection releases;

    @Mixin
    ProjectOptions projectOptions;

    @Mixin
    ReportOptions reportOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        reportOptions.formats(); // reject a bad --format before doing any work
        Workspace ws = Workspace.open(projectOptions);
        ReleaseSelection.Selected selected = releases.select(ws, "can-rollback");
        Dialect dialect = ws.dialect(projectOptions.dialect, selected.newer());
        AnalysisResult result = ws.analyzer().run(new AnalysisRequest(dialect, selected.older(), selected.newer(),
                AnalysisRequest.Window.RANGE, ws.severityOverrides(), ws.serverVersion(dialect)));
        Verdict verdict = Verdict.decide(result.findings(), false);
        Report report = ReportBuilder.build("can-rollback", selected.fromLabel(), selected.toLabel(), dialect.id(), result,
                verdict, null, StrategyAdvisor.strategies(result, verdict, selected.toLabel()), ws.notes());
        Console.deliver(spec, report, reportOptions);
        return verdict == Verdict.GO ? ExitCode.GO : ExitCode.NO_GO;
    }
}
