package dev.migsafe.source;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import dev.migsafe.source.liquibase.ChangeSetSelection;
import dev.migsafe.source.liquibase.LiquibaseReader;
import dev.migsafe.tool.MigrationTool;

/** The on-disk layouts migsafe reads, one per {@link MigrationTool}, whose id {@code migsafe.yaml} and reports use. */
public enum MigrationFormat {
    FLYWAY(MigrationTool.FLYWAY),
    UPDOWN(MigrationTool.GOLANG_MIGRATE),
    DIESEL(MigrationTool.DIESEL),
    DBMATE(MigrationTool.DBMATE),
    SQL(MigrationTool.PLAIN_SQL),
    LIQUIBASE(MigrationTool.LIQUIBASE);

    private final MigrationTool tool;

    MigrationFormat(MigrationTool tool) {
        this.tool = tool;
    }

    public MigrationTool tool() {
        return tool;
    }

    public String id() {
        return tool.id();
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
            if (f.tool.isNamed(v)) {
                return f;
            }
        }
        String known = Arrays.stream(values()).map(MigrationFormat::id).collect(Collectors.joining(", "));
        throw new IllegalArgumentException("unknown format '" + value + "'; use one of " + known);
    }

    @Override
    public String toString() {
        return id();
    }
}
