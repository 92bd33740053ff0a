package dev.migsafe.rules;

import java.util.List;
import java.util.Optional;

import dev.migsafe.rules.compat.AddRequiredColumnRule;
import dev.migsafe.rules.compat.DropColumnRule;
import dev.migsafe.rules.compat.DropDefaultOnRequiredRule;
import dev.migsafe.rules.compat.DropOrRenameDependentObjectRule;
import dev.migsafe.rules.compat.DropTableRule;
import dev.migsafe.rules.compat.IncompatibleTypeChangeRule;
import dev.migsafe.rules.compat.NewWriteRestrictionRule;
import dev.migsafe.rules.compat.RenameColumnRule;
import dev.migsafe.rules.compat.RenameTableRule;
import dev.migsafe.rules.compat.RewriteStoredValuesRule;
import dev.migsafe.rules.compat.SetNotNullRule;
import dev.migsafe.rules.config.SuppressionWithoutReasonRule;
import dev.migsafe.rules.config.UnusedSuppressionRule;
import dev.migsafe.rules.dataloss.DropWithDataRule;
import dev.migsafe.rules.dataloss.LossyTypeChangeRule;
import dev.migsafe.rules.dataloss.UnboundedDmlRule;
import dev.migsafe.rules.history.AppliedMigrationChangedRule;
import dev.migsafe.rules.history.OutOfOrderRule;
import dev.migsafe.rules.locking.CombinableAltersRule;
import dev.migsafe.rules.locking.ConcurrentlyInTransactionRule;
import dev.migsafe.rules.locking.ConstraintWithoutNotValidRule;
import dev.migsafe.rules.locking.EnumValuesChangedRule;
import dev.migsafe.rules.locking.IndexWithoutConcurrentlyRule;
import dev.migsafe.rules.locking.MeasuredBlockingLockRule;
import dev.migsafe.rules.locking.MigrationToolDeadlockRule;
import dev.migsafe.rules.locking.MissingLockTimeoutRule;
import dev.migsafe.rules.locking.MySqlBlockingAlterRule;
import dev.migsafe.rules.locking.MySqlNotNullWithoutDefaultRule;
import dev.migsafe.rules.locking.RewritingAddColumnRule;
import dev.migsafe.rules.locking.SetNotNullWithoutCheckRule;
import dev.migsafe.rules.locking.TableRewritingMaintenanceRule;
import dev.migsafe.rules.locking.TableRewritingTypeChangeRule;
import dev.migsafe.rules.locking.UniqueWithoutIndexRule;
import dev.migsafe.rules.parse.NotAnalysedRule;
import dev.migsafe.rules.rollback.DownMayFailRule;
import dev.migsafe.rules.rollback.DownNotInverseRule;
import dev.migsafe.rules.rollback.LossyDownRule;
import dev.migsafe.rules.rollback.MissingDownRule;

/**
 * Every rule migsafe runs, in catalog order. Add a new rule here, give it a page in rules/ and a row in
 * rules/README.md (RuleCatalogTest checks all three agree); bench/new-rule.sh scaffolds them.
 */
public final class RuleCatalog {
    private static final List<Rule> ALL = List.of(
            // backward-compatibility (BC1xx): decide the can-rollback verdict
            new RenameTableRule(), new RenameColumnRule(), new DropTableRule(), new DropColumnRule(),
            new IncompatibleTypeChangeRule(), new AddRequiredColumnRule(), new SetNotNullRule(),
            new DropDefaultOnRequiredRule(), new NewWriteRestrictionRule(), new DropOrRenameDependentObjectRule(),
            new RewriteStoredValuesRule(),
            // data-loss (DL2xx)
            new DropWithDataRule(), new LossyTypeChangeRule(), new UnboundedDmlRule(),
            // rollback (RB3xx)
            new MissingDownRule(), new LossyDownRule(), new DownNotInverseRule(), new DownMayFailRule(),
            // history (HS4xx)
            new AppliedMigrationChangedRule(), new OutOfOrderRule(),
            // parse (PS5xx)
            new NotAnalysedRule(),
            // locking (LK6xx): downtime while the migration runs, per dialect and server version
            new IndexWithoutConcurrentlyRule(), new ConcurrentlyInTransactionRule(), new ConstraintWithoutNotValidRule(),
            new SetNotNullWithoutCheckRule(), new TableRewritingTypeChangeRule(), new RewritingAddColumnRule(),
            new UniqueWithoutIndexRule(), new MissingLockTimeoutRule(), new TableRewritingMaintenanceRule(),
            new CombinableAltersRule(), new MySqlBlockingAlterRule(), new EnumValuesChangedRule(),
            new MySqlNotNullWithoutDefaultRule(), new MeasuredBlockingLockRule(), new MigrationToolDeadlockRule(),
            // configuration (CF7xx): reported by the engine while applying suppressions
            new SuppressionWithoutReasonRule(), new UnusedSuppressionRule()
    );

    private RuleCatalog() {
    }

    public static List<Rule> all() {
        return ALL;
    }

    public static Optional<Rule> byId(String id) {
        return ALL.stream().filter(r -> r.info().id().equalsIgnoreCase(id)).findFirst();
    }
}
