package dev.migsafe.source.liquibase;

import java.util.Map;

/**
 * How a run reads a Liquibase changelog, as {@code liquibase update --contexts --labels -Dname=value}
 * would: which changeSets it includes (Liquibase's own expressions, {@code "prod and !test"},
 * {@code "v1,v2"}; null means no filter) and the changelog parameters given from outside the
 * changelog ({@code liquibase: parameters:} in migsafe.yaml).
 */
public record ChangeSetSelection(String contexts, String labels, Map<String, String> parameters) {
    public static final ChangeSetSelection ALL = new ChangeSetSelection(null, null);

    public ChangeSetSelection {
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }

    public ChangeSetSelection(String contexts, String labels) {
        this(contexts, labels, Map.of());
    }
}
