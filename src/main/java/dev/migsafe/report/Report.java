package dev.migsafe.report;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.migsafe.verdict.Strategy;

/**
 * Everything a report shows, in the field names and order of the JSON report (DESIGN.md). Every
 * format renders this one model.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Report(int schemaVersion, Tool tool, String command, String from, String to, String dialect,
                     String verdict, Summary summary, List<MigrationEntry> migrations, List<FindingEntry> findings,
                     VerificationEntry verification, List<Strategy> strategies, List<String> notes) {

    public record Tool(String name, String version) {
    }

    public record Summary(int errors, int warnings, int infos, int statements, int unparsed) {
    }

    public record MigrationEntry(String id, String path, String status, boolean hasDown, String checksum) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FindingEntry(String ruleId, String name, String category, String severity, String file, int line,
                               String object, String statement, String message, String fix, boolean suppressed,
                               String suppressionReason) {
    }

    public record VerificationEntry(String mode, String database, List<StepEntry> steps) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StepEntry(String name, String status, long durationMs, String details, List<String> failures) {
    }

    public boolean isGo() {
        return "GO".equals(verdict);
    }
}
