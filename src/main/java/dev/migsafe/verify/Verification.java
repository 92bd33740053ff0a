package dev.migsafe.verify;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The result of verifying a range on a real database.
 *
 * @param mode     testcontainers, embedded, jdbc or none
 * @param database product and version as the server reports it ("PostgreSQL 16.4"); null for none
 * @param steps    the steps in the order they ran
 * @param locks    what the lock trace measured per statement of the range (empty when it did not run)
 */
public record Verification(String mode, String database, List<Step> steps, List<LockTrace.Record> locks) {

    public Verification {
        steps = List.copyOf(steps);
        locks = List.copyOf(locks);
    }

    public Verification(String mode, String database, List<Step> steps) {
        this(mode, database, steps, List.of());
    }

    /** No database work was done (--verify none, or auto found no database). */
    public static Verification none(Step... why) {
        return new Verification("none", null, List.of(why));
    }

    /** The same verification with {@code edit} applied to every step's text (to mask secrets). */
    public Verification withText(UnaryOperator<String> edit) {
        return new Verification(mode, database, steps.stream().map(s -> s.withText(edit)).toList(),
                locks.stream().map(l -> l.withText(edit)).toList());
    }

    public boolean failed() {
        return steps.stream().anyMatch(Step::isFailed);
    }

    public Optional<Step> step(String name) {
        return steps.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
