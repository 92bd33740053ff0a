package dev.migsafe.peer;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.migsafe.analysis.AnalysisRequest;
import dev.migsafe.analysis.Analyzer;
import dev.migsafe.rules.Finding;
import dev.migsafe.rules.RuleCatalog;
import dev.migsafe.rules.ServerVersion;
import dev.migsafe.source.Migration;
import dev.migsafe.sql.SqlScriptParser;

/** Runs the real pipeline over a peer tool's test case and keeps the active findings of some rules. */
final class PeerRun {

    private PeerRun() {
    }

    static List<Finding> findings(AnalysisRequest request, Set<String> rules) {
        return new Analyzer(new SqlScriptParser(), RuleCatalog.all()).run(request).findings().stream()
                .filter(Finding::isActive)
                .filter(f -> rules.contains(f.ruleId()))
                .toList();
    }

    static AnalysisRequest request(ServerVersion server, List<Migration> older, List<Migration> newer,
                                   AnalysisRequest.Window window) {
        return new AnalysisRequest(server.dialect(), older, newer, window, Map.of(), server);
    }
}
