package dev.migsafe.source.liquibase;

/**
 * Which Liquibase changeSets a run includes, as {@code liquibase update --contexts --labels} would:
 * Liquibase's own expressions ({@code "prod and !test"}, {@code "v1,v2"}). Null means no filter
 * (every changeSet, as Liquibase does without {@code --contexts}).
 */
public record ChangeSetSelection(String contexts, String labels) {
    public static final ChangeSetSelection ALL = new ChangeSetSelection(null, null);
}
