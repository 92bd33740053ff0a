package dev.migsafe.plan;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.migsafe.config.DeployKind;
import dev.migsafe.dialect.Dialect;
import dev.migsafe.plan.history.SchemaHistory;
import dev.migsafe.rules.Finding;
import dev.migsafe.dialect.Dialect;
import dev.migsafe.tool.MigrationTool;
import dev.migsafe.verdict.Strategy;
import dev.migsafe.verdict.Verdict;
import dev.migsafe.verify.Verification;

/**
 * A rollback runbook: every way back with its steps, the decision between them, and (with
 * --before-deploy) what to prepare. Markdown, HTML and JSON render this one model.
 *
 * @param setup          shell lines that set the variables every command uses
 * @param blocking       the findings that close the app-only way back
 * @param historyTable   the migration tool's history table as SQL names it (the project's own Flyway table)
 * @param history        the history read with --history-url, or null
 * @param target         the restore target from it, or null
 * @param tablesAtRisk   older-schema tables that may have been written since the target (all of them: any may be)
 * @param beforeDeploy   steps to take before shipping, or empty when not asked for
 * @param floor          the rollback floor (with --before-deploy), or null
 * @param generatedAt    when the plan was made: the end of the data-loss window so far
 */
public record Plan(String from, String to, Dialect dialect, MigrationTool tool, String historyTable, DeployKind deploy, Verdict verdict,
                   List<Strategy> strategies, DecisionMatrix matrix, List<String> setup, List<Finding> blocking,
                   SchemaHistory history, RestoreTarget target, List<String> tablesAtRisk,
                   List<Strategy.Step> beforeDeploy, RollbackFloor floor, Instant generatedAt,
                   Verification verification) {

    public Strategy strategy(String name) {
        return strategies.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    /** From the restore target to when the plan was made, or null when the target is not known. */
    public Duration dataLossWindow() {
        return target == null || target.time() == null ? null : Duration.between(target.time(), generatedAt);
    }
}
