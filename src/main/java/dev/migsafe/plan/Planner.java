package dev.migsafe.plan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.migsafe.analysis.AnalysisResult;
import dev.migsafe.config.DeployKind;
import dev.migsafe.dialect.Dialect;
import dev.migsafe.plan.history.SchemaHistory;
import dev.migsafe.rules.ServerVersion;
import dev.migsafe.source.FlywaySettings;
import dev.migsafe.source.Migration;
import dev.migsafe.sql.ScriptParser;
import dev.migsafe.tool.MigrationTool;
import dev.migsafe.verdict.Strategy;
import dev.migsafe.verdict.StrategyAdvisor;
import dev.migsafe.verdict.Verdict;
import dev.migsafe.verify.Verification;

/**
 * Turns an analysis into a runbook. The strategies are the advisor's, unchanged (so can-rollback and
 * plan always agree); the planner adds the steps, the decision and the before-deploy preparation.
 * It prints commands; it never runs any.
 */
public final class Planner {
    private final ScriptParser parser;

    public Planner(ScriptParser parser) {
        this.parser = parser;
    }

    /**
     * @param history      the database's history read over a read-only session, or null
     * @param clientTarget the history database as clients name it (no password), or null
     * @param floor        rollback floor for --before-deploy, or null
     * @param server       the server the runbook's commands run on (its version picks, e.g., PostgreSQL's recovery settings)
     * @param verification what the database proved (--verify), or null
     * @param flyway       the project's Flyway settings (its history table and schema)
     */
    public record Request(String from, String to, Dialect dialect, AnalysisResult result, Verdict verdict,
                          DeployKind deploy, IncidentSeverity severity, boolean beforeDeploy, SchemaHistory history,
                          String clientTarget, RollbackFloor floor, ServerVersion server, Instant now,
                          Verification verification, FlywaySettings flyway) {
    }

    public Plan plan(Request r) {
        MigrationTool tool = r.history() != null && Migration.toolOf(r.result().range()) == MigrationTool.PLAIN_SQL
                ? r.history().tool() : Migration.toolOf(r.result().range());
        RestoreTarget target = r.history() == null ? null : RestoreTarget.from(r.history(), r.result().range());
        AffectedTables affected = AffectedTables.of(r.result(), parser, r.dialect());
        DatabaseClient client = DatabaseClient.of(r.dialect());
        String historyTable = r.history() != null ? r.history().table()
                : tool == MigrationTool.FLYWAY ? r.flyway().historyTable(r.dialect().syntax()) : tool.historyTable();
        PlanContext ctx = new PlanContext(r.from(), r.to(), r.dialect(), tool, historyTable, r.deploy(), r.result(), r.verdict(), affected,
                client, r.history(), target, r.clientTarget(), r.server());

        List<Strategy> strategies = new ArrayList<>();
        for (Strategy s : StrategyAdvisor.strategies(r.result(), r.verdict(), r.to(), r.verification())) {
            strategies.add(s.withSteps(steps(ctx, s)));
        }
        DecisionMatrix matrix = DecisionMatrix.decide(strategies, r.severity());
        List<String> tablesAtRisk = r.result().olderSchema().tables().keySet().stream().sorted().toList();
        List<Strategy.Step> before = r.beforeDeploy() ? BeforeDeploySteps.of(ctx, r.floor()) : List.of();
        return new Plan(r.from(), r.to(), r.dialect(), tool, historyTable, r.deploy(), r.verdict(), List.copyOf(strategies), matrix,
                client.connectionSetup(r.clientTarget()), dev.migsafe.verdict.Verdict.blocking(ctx.active()), r.history(),
                target, tablesAtRisk, before, r.floor(), r.now(), r.verification());
    }

    private static List<Strategy.Step> steps(PlanContext ctx, Strategy s) {
        return switch (s.name()) {
            case Strategy.APP_ONLY -> s.feasible() ? AppOnlySteps.of(ctx)
                    : List.of(Strategy.Step.manual("Not possible: " + s.notes()));
            case Strategy.DOWN_MIGRATIONS -> DownMigrationSteps.of(ctx, s.feasible());
            case Strategy.RESTORE -> RestoreSteps.of(ctx);
            case Strategy.ROLL_FORWARD -> RollForwardSteps.of(ctx);
            default -> List.of();
        };
    }
}
