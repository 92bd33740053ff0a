package dev.migsafe.cli;

import java.io.PrintWriter;
import java.util.List;

import dev.migsafe.analysis.AnalysisResult;
import dev.migsafe.dialect.Dialect;
import dev.migsafe.report.Report;
import dev.migsafe.verify.RangeLineage;
import dev.migsafe.verify.Step;
import dev.migsafe.verify.OlderCode;
import dev.migsafe.verify.LockTraceText;
import dev.migsafe.verify.Verification;
import dev.migsafe.verify.VerificationUnavailableException;
import dev.migsafe.verify.Verifier;
import dev.migsafe.verify.VerifyRequest;

/** Runs the verification a command asked for, with the progress display, and maps it into the report. */
final class VerificationStage {

    private VerificationStage() {
    }

    /** @return the verification, or null with {@code --verify none} */
    static Verification run(Workspace ws, VerifyOptions options, ReleasePair.Releases releases, AnalysisResult analysis,
                            Dialect dialect, PrintWriter err) {
        return run(ws, options, releases, analysis, dialect, err, OlderCode.NONE);
    }

    /** @param code what the older release's code runs and uses, checked with its contract */
    static Verification run(Workspace ws, VerifyOptions options, ReleasePair.Releases releases, AnalysisResult analysis,
                            Dialect dialect, PrintWriter err, OlderCode code) {
        if ("none".equalsIgnoreCase(options.mode)) {
            return null;
        }
        VerifyRequest request = new VerifyRequest(dialect, releases.older(), analysis.range(), options.mode,
                ws.verifySettings(options.oldTests, releases.toIsGitRef() ? releases.toLabel() : null, options.timeout),
                RangeLineage.of(analysis.olderSchema(), analysis.newerSchema())).withOlderCode(code)
                .withTableStats(options.stats());
        try (ConsoleProgress progress = new ConsoleProgress(err, Console.color())) {
            return new Verifier().run(request, progress);
        } catch (VerificationUnavailableException e) {
            throw new ExitException(ExitCode.VERIFICATION_UNAVAILABLE, e.getMessage());
        }
    }

    static Report.VerificationEntry entry(Verification v) {
        if (v == null) {
            return null;
        }
        return new Report.VerificationEntry(v.mode(), v.database(), v.steps().stream()
                .map(s -> new Report.StepEntry(s.name(), status(s), s.durationMs(), s.details(),
                        s.failures().isEmpty() ? null : s.failures()))
                .toList(), v.locks().stream()
                .map(l -> new Report.LockEntry(l.migration(), l.file(), l.line(), l.statement(), l.locks().stream()
                        .map(k -> new Report.LockMode(LockTraceText.mode(k.mode()), k.relation(), k.held() ? Boolean.TRUE : null))
                        .toList(), l.blocks(),
                        l.rewrite(), l.scan(), l.durationMs(), l.note(), l.probe() == null ? null
                        : new Report.LockProbe(l.probe().select(), l.probe().write(), l.probe().note()), l.algorithm(),
                        l.estimate(), l.lockTimeout()))
                .toList());
    }

    /**
     * What to say when the static analysis and the database disagree, or null when they agree.
     *
     * @param staticBlocking the static rules alone would say NO_GO
     */
    static String disagreement(boolean staticBlocking, Verification v) {
        if (v == null || "none".equals(v.mode())) {
            return null;
        }
        if (!staticBlocking && v.failed()) {
            return "the static rules found nothing blocking, but the verification on " + v.database()
                    + " failed: " + String.join(", ", v.steps().stream().filter(Step::isFailed).map(Step::name).toList())
                    + "; the verdict follows the database";
        }
        if (staticBlocking && !v.failed()) {
            return "the verification on " + v.database() + " did not reproduce the break the static rules found;"
                    + " its probes only touch what they can reach (plain SELECT/INSERT/UPDATE/DELETE of the older"
                    + " tables), so the static findings still stand";
        }
        return null;
    }

    private static String status(Step s) {
        return switch (s.status()) {
            case PASSED -> "passed";
            case FAILED -> "failed";
            case SKIPPED -> "skipped";
        };
    }
}
