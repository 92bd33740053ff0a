package dev.migsafe.verify;

/** Thrown by {@link MigrationApplier} when the database refuses a migration. */
final class MigrationFailedException extends Exception {

    private final MigrationFailure failure;

    MigrationFailedException(MigrationFailure failure) {
        super(failure.describe());
        this.failure = failure;
    }

    MigrationFailure failure() {
        return failure;
    }
}
