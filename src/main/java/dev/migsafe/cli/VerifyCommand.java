package dev.migsafe.cli;

import java.util.List;
import java.util.concurrent.Callable;

import dev.migsafe.analysis.AnalysisResult;
import dev.migsafe.dialect.Dialect;
import dev.migsafe.report.Report;
import dev.migsafe.report.ReportBuilder;
import dev.migsafe.verdict.Verdict;
import dev.migsafe.verify.Verification;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code migsafe verify FROM TO}: the dynamic part alone. Builds TO's schema on a real database,
 * seeds it, applies the range, checks what the older release does still works, runs its tests,
 * and rehearses the rollback. The verdict follows the database only.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Prove on a real database that TO (older) still works on the schema FROM (deployed) leaves,",
                "and rehearse the rollback. Exit 0 GO, 1 NO_GO, 2 bad input, 3 verification unavailable."})
final class VerifyCommand implements Callable<Integer> {

    @Mixin
    ReleasePair releasePair;

    @Mixin
    ProjectOptions projectOptions;

    @Mixin
    VerifyOptions verifyOptions;

    @Mixin
    ReportOptions reportOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        reportOptions.formats();
        if ("none".equalsIgnoreCase(verifyOptions.mode)) {
            throw new dev.migsafe.BadInputException("verify --verify none has nothing to do; use auto, testcontainers, "
                    + "embedded or a JDBC URL (or can-rollback for the static analysis)");
        }
        Workspace ws = Workspace.open(projectOptions);
        ReleasePair.Releases releases = releasePair.select(ws, "verify");
        Dialect dialect = ws.dialect(projectOptions.dialect, releases.newer());
        // the range and its migrations' statuses come from the analysis; its findings are not reported here
        AnalysisResult analysis = ws.analyzeRange(dialect, releases.older(), releases.newer());
        Verification verification = VerificationStage.run(ws, verifyOptions, releases, analysis, dialect,
                spec.commandLine().getErr());
        if ("none".equals(verification.mode())) {
            throw new ExitException(ExitCode.VERIFICATION_UNAVAILABLE, "no database to verify on: "
                    + verification.steps().get(0).details());
        }
        AnalysisResult result = new AnalysisResult(analysis.range(), analysis.statuses(), List.of(),
                analysis.statements(), analysis.unparsed(), analysis.olderSchema(), analysis.newerSchema());
        Verdict verdict = verification.failed() ? Verdict.NO_GO : Verdict.GO;
        Report report = ReportBuilder.build("verify", releases.fromLabel(), releases.toLabel(), dialect.id(), result,
                verdict, VerificationStage.entry(verification), null, ws.notes());
        Console.deliver(spec, report, reportOptions, ws.pathPrefix());
        return verdict == Verdict.GO ? ExitCode.GO : ExitCode.NO_GO;
    }
}
