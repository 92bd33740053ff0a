package dev.migsafe.plan;

import java.util.List;

import dev.migsafe.analysis.AnalysisResult;
import dev.migsafe.config.DeployKind;
import dev.migsafe.dialect.Dialect;
import dev.migsafe.plan.history.SchemaHistory;
import dev.migsafe.rules.Finding;
import dev.migsafe.rules.ServerVersion;
import dev.migsafe.source.Migration;
import dev.migsafe.tool.MigrationTool;
import dev.migsafe.verdict.StrategyAdvisor;
import dev.migsafe.verdict.Verdict;

/**
 * Everything the step builders read.
 *
 * @param historyTable   the migration tool's history table as SQL names it
 * @param history        the database's history, or null without --history-url
 * @param target         the restore target from it, or null
 * @param databaseUrl    the client URL of the history database without its password, or null
 * @param server         the server version the commands run on
 */
record PlanContext(String from, String to, Dialect dialect, MigrationTool tool, String historyTable, DeployKind deploy,
                   AnalysisResult result, Verdict verdict, AffectedTables affected, DatabaseClient client,
                   SchemaHistory history, RestoreTarget target, String databaseUrl, ServerVersion server) {

    List<Finding> active() {
        return result.findings().stream().filter(Finding::isActive).toList();
    }

    /** The migrations the downs undo, in the order they must run: newest first. */
    List<Migration> undoOrder() {
        List<Migration> undo = new java.util.ArrayList<>(StrategyAdvisor.undoable(result.range()));
        java.util.Collections.reverse(undo);
        return undo;
    }

    /** The last migration of the older release, the target of "undo to". */
    Migration lastOlder() {
        List<Migration> older = result.statuses().stream()
                .filter(s -> !s.status().equals("new") && s.migration().kind() != Migration.Kind.REPEATABLE)
                .map(dev.migsafe.analysis.AnalysisResult.MigrationStatus::migration).toList();
        return older.isEmpty() ? null : older.get(older.size() - 1);
    }

    /** File names carry the release: {@code migsafe-before-down-v1.3.0.dump}. */
    String file(String purpose) {
        return "migsafe-" + purpose + "-" + Shell.fileSafe(from) + client.dumpExtension();
    }

    String restorePointName() {
        return "migsafe-before-" + from;
    }
}
