package dev.migsafe.rules;

/**
 * A check. Each rule is one small class annotated with {@link RuleInfo} (its ID a constant {@code ID} on
 * the class) and registered in {@link RuleCatalog}. Rules never parse SQL and never touch a database:
 * they look at change events and schema models. Override the hooks you need; the engine calls them only
 * for the rule's {@link RuleInfo#dialects()}. A rule may also implement {@link RollForwardRemedy} and
 * {@link DownMigrationRisk}, which the plan and the strategy advisor ask.
 */
public interface Rule {

    /** Called for each change of each statement of each migration in the range, in the {@link RuleInfo#scripts()}. */
    default void onChange(ChangeContext ctx) {
    }

    /** Called once per migration in the range, after its statements. */
    default void onMigration(MigrationContext ctx) {
    }

    /** Called once per analysis with both releases' migration lists. */
    default void onRange(RangeContext ctx) {
    }

    default RuleInfo info() {
        RuleInfo info = getClass().getAnnotation(RuleInfo.class);
        if (info == null) {
            throw new IllegalStateException(getClass() + " lacks @RuleInfo");
        }
        return info;
    }
}
