package dev.migsafe.verify;

import static dev.migsafe.verify.LockTraceCases.Case.measured;
import static dev.migsafe.verify.TestMigrations.updown;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migsafe.dialect.Dialect;
import dev.migsafe.source.Migration;
import dev.migsafe.test.UsesDatabase;

/** The lock trace's statement table on embedded PostgreSQL. */
@UsesDatabase
class LockTracePostgresTest extends LockTraceCases {

    static final List<String> BOTH = List.of("select", "write");
    static final List<String> WRITES = List.of("write");

    @Override
    Dialect dialect() {
        return Dialect.POSTGRESQL;
    }

    @Override
    String target() {
        return "embedded";
    }

    @Override
    VerifySettings settings() {
        return VerifySettings.defaults();
    }

    static List<Case> postgresCases() {
        String table = "(id int PRIMARY KEY, v text);";
        return List.of(
                measured("add column, constant default", "CREATE TABLE t_add " + table,
                        "ALTER TABLE t_add ADD COLUMN n int DEFAULT 0;", "ACCESS EXCLUSIVE", false, BOTH, BLOCKED, BLOCKED, null)
                        .scanning(false),
                measured("add column, volatile default", "CREATE TABLE t_addvol " + table,
                        "ALTER TABLE t_addvol ADD COLUMN at timestamptz DEFAULT clock_timestamp();", "ACCESS EXCLUSIVE", true,
                        BOTH, BLOCKED, BLOCKED, null),
                measured("set not null", "CREATE TABLE t_nn " + table,
                        "ALTER TABLE t_nn ALTER COLUMN v SET NOT NULL;", "ACCESS EXCLUSIVE", false, BOTH, BLOCKED, BLOCKED, null)
                        .scanning(true),
                measured("set not null, valid check", "CREATE TABLE t_nncheck (id int PRIMARY KEY, v text,"
                                + " CONSTRAINT t_nncheck_v CHECK (v IS NOT NULL));",
                        "ALTER TABLE t_nncheck ALTER COLUMN v SET NOT NULL;", "ACCESS EXCLUSIVE", false, BOTH, BLOCKED, BLOCKED, null)
                        .scanning(false),
                measured("type change, rewrite", "CREATE TABLE t_retype (id int PRIMARY KEY, n int);",
                        "ALTER TABLE t_retype ALTER COLUMN n TYPE bigint;", "ACCESS EXCLUSIVE", true, BOTH, BLOCKED, BLOCKED, null),
                measured("type change, no rewrite", "CREATE TABLE t_widen (id int PRIMARY KEY, s varchar(100));",
                        "ALTER TABLE t_widen ALTER COLUMN s TYPE varchar(200);", "ACCESS EXCLUSIVE", false, BOTH, BLOCKED,
                        BLOCKED, null),
                measured("create index", "CREATE TABLE t_idx " + table,
                        "CREATE INDEX t_idx_v ON t_idx (v);", "SHARE", false, WRITES, BLOCKED, PASSED, null).scanning(true),
                // run on its own as its tool runs it, while a writer holds the table: it waits for the writer's
                // transaction, not for its lock, and holds SHARE UPDATE EXCLUSIVE meanwhile
                measured("create index concurrently", "CREATE TABLE t_idxc " + table,
                        "CREATE INDEX CONCURRENTLY t_idxc_v ON t_idxc (v);", "SHARE UPDATE EXCLUSIVE", false, List.of(),
                        PASSED, PASSED, null),
                measured("drop index, not concurrently", "CREATE TABLE t_dropidx " + table + "\nCREATE INDEX t_dropidx_v ON t_dropidx (v);",
                        "DROP INDEX t_dropidx_v;", "ACCESS EXCLUSIVE", false, BOTH, BLOCKED, BLOCKED, null),
                measured("vacuum full, on its own", "CREATE TABLE t_vacuum " + table,
                        "VACUUM FULL t_vacuum;", "ACCESS EXCLUSIVE", true, BOTH, BLOCKED, BLOCKED, null),
                measured("foreign key", "CREATE TABLE p_fk (id int PRIMARY KEY);\n"
                                + "CREATE TABLE t_fk (id int PRIMARY KEY, p int REFERENCES p_fk (id));",
                        "ALTER TABLE t_fk ADD CONSTRAINT t_fk_p2 FOREIGN KEY (p) REFERENCES p_fk (id);",
                        "SHARE ROW EXCLUSIVE", false, WRITES, BLOCKED, PASSED, null).scanning(true),
                measured("foreign key, not valid", "CREATE TABLE p_fknv (id int PRIMARY KEY);\n"
                                + "CREATE TABLE t_fknv (id int PRIMARY KEY, p int REFERENCES p_fknv (id));",
                        "ALTER TABLE t_fknv ADD CONSTRAINT t_fknv_p2 FOREIGN KEY (p) REFERENCES p_fknv (id) NOT VALID;",
                        "SHARE ROW EXCLUSIVE", false, WRITES, BLOCKED, PASSED, null).scanning(false),
                measured("rename column", "CREATE TABLE t_ren " + table,
                        "ALTER TABLE t_ren RENAME COLUMN v TO w;", "ACCESS EXCLUSIVE", false, BOTH, BLOCKED, BLOCKED, null)
                        .scanning(false),
                // a table the migration creates is nobody else's until it commits: its index blocks no one
                measured("index on a table made in the same migration", null,
                        "CREATE TABLE t_fresh (id int PRIMARY KEY, v text);\nCREATE INDEX t_fresh_v ON t_fresh (v);", null,
                        false, List.of(), null, null, null),
                measured("drop column", "CREATE TABLE t_dropcol " + table,
                        "ALTER TABLE t_dropcol DROP COLUMN v;", "ACCESS EXCLUSIVE", false, BOTH, BLOCKED, BLOCKED, null),
                measured("drop table", "CREATE TABLE t_drop " + table,
                        "DROP TABLE t_drop;", "ACCESS EXCLUSIVE", false, BOTH, BLOCKED, BLOCKED, null));
    }

    @Override
    List<Case> cases() {
        return postgresCases();
    }

    @Test
    void eachMigrationIsCommittedOnTheCopySoALaterOneOnTheSameTableIsMeasured() {
        Verification v = new Verifier().run(new VerifyRequest(dialect(), MASK_OLDER, MASK_RANGE, target(), settings()),
                ProgressListener.NONE);
        assertTrue(v.step(Verifier.LOCK_TRACE).orElseThrow().details().contains("committed as its tool commits it"),
                v::toString);
        LockTrace.Record second = v.locks().stream().filter(r -> r.migration().equals("3")).findFirst().orElseThrow();
        assertTrue(second.note() == null && second.blocks().contains("write") && Boolean.TRUE.equals(second.scan()),
                second::toString);
    }

    @Test
    void withoutACopyALaterStatementOnATableAReplayedMigrationLockedIsNotMeasuredRatherThanLockFree() throws Exception {
        try (ScratchDatabase db = new EmbeddedPostgresProvider().start(ServerKind.POSTGRESQL, ProgressListener.NONE)) {
            try (java.sql.Connection c = db.connect(); java.sql.Statement st = c.createStatement()) {
                st.execute(MASK_OLDER.get(0).up().content());
            }
            List<LockTrace.Record> records = new PostgresLockTrace(db, null, java.time.Duration.ofSeconds(2), null,
                    TableStats.NONE).run(new ParsedRange(MASK_RANGE, ServerKind.POSTGRESQL)).records();
            LockTrace.Record second = records.get(1);
            // the replay of migration 2 holds ACCESS EXCLUSIVE on t_mask: what SET NOT NULL needs cannot show
            assertTrue(second.note() != null && second.note().contains("t_mask is already locked by an earlier statement"),
                    second::toString);
        }
    }

    private static final List<Migration> MASK_OLDER = List.of(updown("1", "t",
            "CREATE TABLE t_mask (id int PRIMARY KEY, note text);", null));
    private static final List<Migration> MASK_RANGE = List.of(
            updown("2", "add", "ALTER TABLE t_mask ADD COLUMN n int DEFAULT 0;", null),
            updown("3", "nn", "ALTER TABLE t_mask ALTER COLUMN note SET NOT NULL;", null));
}
