package dev.migsafe.plan;

import java.util.ArrayList;
import java.util.List;

import dev.migsafe.config.DeployKind;
import dev.migsafe.verdict.Strategy.Step;

/** Redeploy the older release, keep the database: the steps for each deployment style of migsafe.yaml. */
final class AppOnlySteps {

    private AppOnlySteps() {
    }

    static List<Step> of(PlanContext ctx) {
        String to = ctx.to();
        List<Step> steps = new ArrayList<>();
        steps.add(Step.manual("Do not run any down migration: the schema stays as " + ctx.from() + " left it."));
        DeployKind kind = ctx.deploy() == null ? DeployKind.GENERIC : ctx.deploy();
        switch (kind) {
            case KUBERNETES -> {
                steps.add(new Step("Find the revision that ran " + to,
                        "kubectl rollout history deployment/\"$APP\" --namespace \"$NAMESPACE\""));
                steps.add(new Step("Roll the deployment back to it (or set the older image explicitly)",
                        "kubectl rollout undo deployment/\"$APP\" --namespace \"$NAMESPACE\" --to-revision=\"$REVISION\"\n"
                                + "# or: kubectl set image deployment/\"$APP\" \"$CONTAINER\"=\"$IMAGE\":" + Shell.quote(to)
                                + " --namespace \"$NAMESPACE\""));
                steps.add(new Step("Wait until every pod runs " + to,
                        "kubectl rollout status deployment/\"$APP\" --namespace \"$NAMESPACE\" --timeout=10m"));
            }
            case SYMLINK -> {
                steps.add(new Step("Point the current release link back at " + to + " (atomic rename)",
                        "ln -sfn \"$RELEASES_DIR\"/" + Shell.quote(to) + " \"$APP_DIR\"/current.new && mv -T \"$APP_DIR\"/current.new \"$APP_DIR\"/current"));
                steps.add(new Step("Restart or reload the application servers",
                        "sudo systemctl reload \"$APP_SERVICE\""));
            }
            case BLUE_GREEN -> {
                steps.add(Step.manual("Check the idle colour still runs " + to + " (it served traffic before the deploy);"
                        + " if it was recycled, deploy " + to + " to it first."));
                steps.add(Step.manual("Switch the router / load balancer back to the idle colour"
                        + " (the colour that runs " + to + "); keep the " + ctx.from() + " colour up until the checks pass."));
            }
            case GENERIC -> steps.add(Step.manual("Redeploy " + to + " with your usual deployment pipeline,"
                    + " without its migration step (the database must keep the " + ctx.from() + " schema)."));
            default -> throw new IllegalStateException(kind.toString());
        }
        steps.addAll(healthChecks(ctx));
        return steps;
    }

    /** After any way back: is the older release really serving, and is the schema what it expects? */
    static List<Step> healthChecks(PlanContext ctx) {
        List<Step> steps = new ArrayList<>();
        steps.add(new Step("Health check: the application answers and reports " + ctx.to(),
                "curl --fail --silent --show-error \"$APP_URL\"/health"));
        steps.add(Step.manual("Watch the error rate and the database log for 15 minutes: no 'column does not exist',"
                + " 'relation does not exist' or constraint errors."));
        return steps;
    }
}
