package dev.migsafe.report;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import dev.migsafe.verdict.Strategy;

/**
 * Everything a report shows, in the field names and order of the JSON report (DESIGN.md). Every
 * format renders this one model.
 *
 * @param schemaChanges how the schema of {@code to} differs from that of {@code from}; present when the
 *                      report compares two releases (null for {@code analyze} of a folder)
 * @param baseline      the baseline file whose findings are marked {@code baselined}, or null when none was used
 */
public record Report(int schemaVersion, Tool tool, String command, String from, String to, String dialect,
                     String verdict, Summary summary, List<MigrationEntry> migrations, List<FindingEntry> findings,
                     VerificationEntry verification, List<Strategy> strategies,
                     @JsonInclude(JsonInclude.Include.NON_NULL) List<SchemaChange> schemaChanges,
                     @JsonInclude(JsonInclude.Include.NON_NULL) String baseline,
                     @JsonInclude(JsonInclude.Include.NON_NULL) List<String> notes,
                     @JsonInclude(JsonInclude.Include.NON_NULL) AppEntry app) {

    /** The report before the older release's code was read ({@code app} absent). */
    public Report(int schemaVersion, Tool tool, String command, String from, String to, String dialect,
                  String verdict, Summary summary, List<MigrationEntry> migrations, List<FindingEntry> findings,
                  VerificationEntry verification, List<Strategy> strategies, List<SchemaChange> schemaChanges,
                  String baseline, List<String> notes) {
        this(schemaVersion, tool, command, from, to, dialect, verdict, summary, migrations, findings, verification,
                strategies, schemaChanges, baseline, notes, null);
    }

    /**
     * What was read of the older release's code ({@code can-rollback} with code at TO).
     *
     * @param unresolved     uses that could not be resolved (SQL built at run time, unparsable), counted
     * @param unresolvedUses the same, listed
     */
    public record AppEntry(String release, int files, int entities, int sqlStrings, int unresolved,
                           List<UnresolvedEntry> unresolvedUses) {
    }

    public record UnresolvedEntry(String file, int line, String kind, String text, String reason) {
    }

    /** The same report with what was read of the older release's code. */
    public Report withApp(AppEntry entry) {
        return new Report(schemaVersion, tool, command, from, to, dialect, verdict, summary, migrations, findings,
                verification, strategies, schemaChanges, baseline, notes, entry);
    }

    /** The contract's fields are always present (null when they do not apply); only additions may be left out. */
    public Report {
        verification = verification != null ? verification : VerificationEntry.NONE;
        strategies = strategies != null ? strategies : List.of();
    }

    /** The report without a schema comparison (the shape before {@code schemaChanges} existed). */
    public Report(int schemaVersion, Tool tool, String command, String from, String to, String dialect,
                  String verdict, Summary summary, List<MigrationEntry> migrations, List<FindingEntry> findings,
                  VerificationEntry verification, List<Strategy> strategies, List<String> notes) {
        this(schemaVersion, tool, command, from, to, dialect, verdict, summary, migrations, findings, verification,
                strategies, null, null, notes);
    }

    public record Tool(String name, String version) {
    }

    /**
     * Counts of active findings (those that can fail the run) by severity, plus those silenced by a
     * suppression comment or by the baseline.
     */
    public record Summary(int errors, int warnings, int infos, int statements, int unparsed, int suppressed,
                          int baselined) {
    }

    /** @param downPath the down/undo script, or null when the migration has none */
    public record MigrationEntry(String id, String path, String status, boolean hasDown, String checksum,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) String downPath) {
    }

    /**
     * @param baselined   recorded in the baseline: reported, not counted
     * @param blocking    counts toward this run's failure (NO_GO verdict, or --fail-on threshold reached)
     * @param fingerprint identity across runs that survives line shifts (see {@code Fingerprint})
     */
    public record FindingEntry(String ruleId, String name, String category, String severity, String file, int line,
                               String object, String statement, String message, String fix, boolean suppressed,
                               @JsonInclude(JsonInclude.Include.NON_NULL) String suppressionReason,
                               boolean baselined, boolean blocking,
                               @JsonInclude(JsonInclude.Include.NON_NULL) String fingerprint,
                               @JsonInclude(JsonInclude.Include.NON_EMPTY) List<dev.migsafe.rules.Finding.Usage> usage) {

        public FindingEntry(String ruleId, String name, String category, String severity, String file, int line,
                            String object, String statement, String message, String fix, boolean suppressed,
                            String suppressionReason, boolean baselined, boolean blocking, String fingerprint) {
            this(ruleId, name, category, severity, file, line, object, statement, message, fix, suppressed,
                    suppressionReason, baselined, blocking, fingerprint, List.of());
        }

        /** Counts toward the verdict or exit code: neither suppressed nor baselined. */
        @JsonIgnore
        public boolean isActive() {
            return !suppressed && !baselined;
        }
    }

    /** @param locks what the lock trace measured per statement (empty when it did not run) */
    public record VerificationEntry(String mode, String database, List<StepEntry> steps,
                                    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<LockEntry> locks) {
        /** No database work was done. */
        public static final VerificationEntry NONE = new VerificationEntry("none", null, List.of());

        public VerificationEntry(String mode, String database, List<StepEntry> steps) {
            this(mode, database, steps, List.of());
        }

        public VerificationEntry {
            locks = locks == null ? List.of() : List.copyOf(locks);
        }
    }

    /**
     * One statement of the range as the lock trace measured it.
     *
     * @param locks  the relation locks it took ({@code mode} as PostgreSQL's documentation names it)
     * @param blocks {@code select}, {@code write}: what of other sessions waits for them
     * @param note      why it was not traced, or null
     * @param probe     what a second session saw while the statement held its locks, or null when not probed
     * @param algorithm MySQL/MariaDB: the ALTER algorithm and lock level the server accepted, or null
     * @param scan      PostgreSQL: it read a whole table under a lock that blocks writes (null: not measured)
     * @param estimate  the lock's duration at production size ({@code --table-stats}, {@code --history-url}), or null
     * @param lockTimeout the lock timeout in force when it ran ({@code 0}: none), or null when not read
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LockEntry(String migration, String file, int line, String statement, List<LockMode> locks,
                            List<String> blocks, boolean rewrite, Boolean scan, long durationMs, String note,
                            LockProbe probe, String algorithm, String estimate, String lockTimeout) {
        /** The entry with {@code edit} applied to every text that comes from the input or the server. */
        public LockEntry withText(java.util.function.UnaryOperator<String> edit) {
            return new LockEntry(edit.apply(migration), edit.apply(file), line, edit.apply(statement), locks.stream()
                    .map(k -> new LockMode(k.mode(), edit.apply(k.relation()), k.held())).toList(), blocks, rewrite, scan,
                    durationMs, edit.apply(note), probe == null ? null
                    : new LockProbe(probe.select(), probe.write(), edit.apply(probe.note())), edit.apply(algorithm),
                    edit.apply(estimate), edit.apply(lockTimeout));
        }
    }

    /** {@code blocked} or {@code not blocked} per operation tried (absent when not tried). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LockProbe(String select, String write, String note) {
    }

    /** @param held true when its transaction took it with an earlier statement (absent otherwise) */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LockMode(String mode, String relation, Boolean held) {
    }

    public record StepEntry(String name, String status, long durationMs, String details,
                            @JsonInclude(JsonInclude.Include.NON_NULL) List<String> failures) {
    }

    /**
     * One difference between the schemas of the two releases, as the newer release sees it.
     *
     * @param kind   table | column | view | index | type | sequence
     * @param change added | removed | renamed | type-changed | nullability-changed | default-changed | changed
     * @param object the object in the newer schema ({@code table.column} for columns); the older name for
     *               removed objects
     * @param before the older state (name for renames, type, nullability, default), or null
     * @param after  the newer state, or null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SchemaChange(String kind, String change, String object, String before, String after) {
    }

    @JsonIgnore
    public boolean isGo() {
        return "GO".equals(verdict);
    }

    /** The same report with its findings checked against a baseline file (findings already marked). */
    public Report withBaseline(String baselineFile) {
        return new Report(schemaVersion, tool, command, from, to, dialect, verdict, summary, migrations, findings,
                verification, strategies, schemaChanges, baselineFile, notes, app);
    }
}
