package dev.migsafe.rules;

import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Implemented by a rule whose findings change what running the down migrations costs, so that the
 * strategy advisor and the down-migrations plan ask the rule instead of listing rule IDs.
 */
public interface DownMigrationRisk {

    enum Risk {
        /** the down drops or deletes data written since the deploy */
        DOWN_LOSES_DATA,
        /** the down may fail on today's data, or not give back the older schema exactly */
        DOWN_MAY_FAIL,
        /** the up destroyed data that no down can bring back */
        UP_DESTROYED_DATA
    }

    Risk downMigrationRisk();

    /** The risk the finding's rule declares, if any. */
    static Optional<Risk> of(Finding finding) {
        return RuleCatalog.byId(finding.ruleId()).filter(DownMigrationRisk.class::isInstance)
                .map(r -> ((DownMigrationRisk) r).downMigrationRisk());
    }

    static boolean is(Finding finding, Risk risk) {
        return of(finding).filter(risk::equals).isPresent();
    }

    /** The IDs of the rules with this risk in catalog order, e.g. "RB303/RB304", as notes name them. */
    static String ruleIds(Risk risk) {
        return RuleCatalog.all().stream()
                .filter(r -> r instanceof DownMigrationRisk d && d.downMigrationRisk() == risk)
                .map(r -> r.info().id()).collect(Collectors.joining("/"));
    }
}
