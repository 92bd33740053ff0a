package dev.migsafe.source;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import dev.migsafe.source.liquibase.ChangeSetSelection;
import dev.migsafe.source.liquibase.LiquibaseReader;

/** The on-disk layouts migsafe reads; the id is what {@code migsafe.yaml} and reports use. */
public enum MigrationFormat {
    FLYWAY("flyway"),
    UPDOWN("updown"),
    DIESEL("diesel"),
    DBMATE("dbmate"),
    SQL("sql"),
    LIQUIBASE("liquibase");

    private final String id;

    MigrationFormat(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The reader for this format. */
    public MigrationReader reader(ScriptLoader loader) {
        return switch (this) {
            case FLYWAY -> new FlywayReader(loader);
            case UPDOWN -> new UpDownReader(loader);
            case DIESEL -> new DieselReader(loader);
            case DBMATE -> new DbmateReader(loader);
            case SQL -> new PlainSqlReader(loader);
            case LIQUIBASE -> new LiquibaseReader(loader, ChangeSetSelection.ALL, null);
        };
    }

    /** @throws IllegalArgumentException naming the known formats */
    public static MigrationFormat parse(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        for (MigrationFormat f : values()) {
            if (f.id.equals(v)) {
                return f;
            }
        }
        if (v.equals("golang-migrate") || v.equals("up-down")) {
            return UPDOWN;
        }
        String known = Arrays.stream(values()).map(MigrationFormat::id).collect(Collectors.joining(", "));
        throw new IllegalArgumentException("unknown format '" + value + "'; use one of " + known);
    }

    @Override
    public String toString() {
        return id;
    }
}
