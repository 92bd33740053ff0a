package dev.migsafe.analysis;

import java.util.List;

import dev.migsafe.rules.Finding;
import dev.migsafe.schema.Schema;
import dev.migsafe.source.Migration;

/**
 * @param range       the migrations analysed (in newer, not in older)
 * @param statuses    per migration of both releases: new / changed / removed / unchanged
 * @param findings    sorted by file, line; suppressed ones included and marked
 * @param statements  statements parsed in the range
 * @param unparsed    statements of the range not understood (each also a PS501 finding)
 * @param olderSchema schema of the older release
 * @param newerSchema schema after the range
 */
public record AnalysisResult(List<Migration> range, List<MigrationStatus> statuses, List<Finding> findings,
                             int statements, int unparsed, Schema olderSchema, Schema newerSchema) {

    public record MigrationStatus(Migration migration, String status) {
    }
}
