package dev.migsafe.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import dev.migsafe.analysis.AnalysisResult;
import dev.migsafe.app.AppUses;
import dev.migsafe.dialect.Dialect;
import dev.migsafe.report.Report;
import dev.migsafe.report.ReportBuilder;
import dev.migsafe.verdict.LockEvidence;
import dev.migsafe.verdict.StrategyAdvisor;
import dev.migsafe.verdict.Verdict;
import dev.migsafe.verify.Verification;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code migsafe can-rollback FROM TO}: can the application go back from FROM to TO and keep the
 * schema? The static rules say why; the verification on a real database proves it.
 */
@Command(name = "can-rollback", mixinStandardHelpOptions = true,
        description = {"Can the application be rolled back from FROM (deployed) to TO (older) while keeping the",
                "database as FROM left it? Exit 0 GO, 1 NO_GO, 2 bad input, 3 verification unavailable."})
final class CanRollbackCommand implements Callable<Integer> {

    @Mixin
    ReleasePair releasePair;

    @Mixin
    ProjectOptions projectOptions;

    @Mixin
    VerifyOptions verifyOptions;

    @Mixin
    ReportOptions reportOptions;

    @Mixin
    AppOptions appOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        reportOptions.formats(); // reject a bad --format before doing any work
        Workspace ws = Workspace.open(projectOptions);
        ReleasePair.Releases releases = releasePair.select(ws, "can-rollback");
        Dialect dialect = ws.dialect(projectOptions.dialect, releases.newer());
        AppUses app = appOptions.read(ws, releases, releasePair.to, dialect);
        AnalysisResult result = AppOptions.judged(ws.analyzeRange(dialect, releases.older(), releases.newer()), app);
        Verification verification = VerificationStage.run(ws, verifyOptions, releases, result, dialect,
                spec.commandLine().getErr(), AppOptions.olderCode(app, dialect));
        result = LockEvidence.judged(result, verification, ws.severityOverrides());
        boolean verificationFailed = verification != null && verification.failed();
        Verdict verdict = Verdict.decide(result.findings(), verificationFailed);
        List<String> notes = new ArrayList<>(ws.notes());
        String disagreement = VerificationStage.disagreement(!Verdict.blocking(result.findings()).isEmpty(), verification);
        if (disagreement != null) {
            notes.add(0, disagreement);
        }
        Report report = ReportBuilder.build("can-rollback", releases.fromLabel(), releases.toLabel(), dialect.id(),
                result, verdict, VerificationStage.entry(verification),
                StrategyAdvisor.strategies(result, verdict, releases.toLabel(), verification), notes)
                .withApp(AppOptions.entry(app));
        Console.deliver(spec, report, reportOptions, ws.pathPrefix());
        return verdict == Verdict.GO ? ExitCode.GO : ExitCode.NO_GO;
    }
}
