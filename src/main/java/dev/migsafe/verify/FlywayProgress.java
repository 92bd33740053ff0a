package dev.migsafe.verify;

import java.util.function.Consumer;

import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.callback.BaseCallback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/** Tells which migration Flyway starts, for the progress display (a callback of Flyway's free edition). */
final class FlywayProgress extends BaseCallback {
    private final Consumer<MigrationInfo> started;

    FlywayProgress(Consumer<MigrationInfo> started) {
        this.started = started;
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_EACH_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        started.accept(context.getMigrationInfo());
    }
}
