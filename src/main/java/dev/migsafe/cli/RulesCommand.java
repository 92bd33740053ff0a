package dev.migsafe.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import dev.migsafe.BadInputException;
import dev.migsafe.report.RuleDocs;
import dev.migsafe.rules.Rule;
import dev.migsafe.rules.RuleCatalog;
import dev.migsafe.rules.RuleInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code migsafe rules [ID]}: the rule catalog, or one rule with its documentation page. */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "List the rules, or explain one (its page in rules/).")
final class RulesCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "RULE_ID", description = "A rule ID such as BC102.")
    String ruleId;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (ruleId == null) {
            out.printf("%-6s %-34s %-23s %-8s %s%n", "ID", "NAME", "CATEGORY", "SEVERITY", "SUMMARY");
            for (Rule r : RuleCatalog.all()) {
                RuleInfo i = r.info();
                out.printf("%-6s %-34s %-23s %-8s %s%n", i.id(), i.name(), i.category().id(), i.severity().id(),
                        i.summary());
            }
            out.println();
            out.println("Run 'migsafe rules ID' for why a rule matters and the safe alternative.");
            return ExitCode.GO;
        }
        Rule rule = RuleCatalog.byId(ruleId).orElseThrow(() -> new BadInputException(
                "unknown rule '" + ruleId + "'; run 'migsafe rules' for the list"));
        out.print(RuleDocs.pageOrSummary(rule.info()));
        out.flush();
        return ExitCode.GO;
    }
}
