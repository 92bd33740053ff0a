package dev.migsafe.rules.locking;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.migsafe.rules.Finding;
import dev.migsafe.rules.RuleTester;

/** LK609 table-rewriting-maintenance through the real pipeline. */
class TableRewritingMaintenanceRuleTest {
    private static final String USERS = "CREATE TABLE users (id int PRIMARY KEY, email varchar(100), name text, "
            + "score numeric(10,2), org_id int);";

    @Test
    void maintenanceThatRewritesOrBlocks() {
        RuleTester.postgres().only(TableRewritingMaintenanceRule.ID)
                .released(USERS)
                .format("sql")
                .deploy("VACUUM FULL users; -- expect: LK609\n"
                        + "VACUUM (FULL) users; -- expect: LK609\n"
                        + "CLUSTER users USING users_pkey; -- expect: LK609\n"
                        + "REINDEX TABLE users; -- expect: LK609")
                .check();
    }

    @Test
    void onlineMaintenanceIsFine() {
        RuleTester.postgres().only(TableRewritingMaintenanceRule.ID)
                .released(USERS)
                .format("sql")
                .deploy("VACUUM users;\nVACUUM (FULL FALSE) users;\nVACUUM ANALYZE users;\n"
                        + "REINDEX TABLE CONCURRENTLY users;\nREINDEX (CONCURRENTLY) TABLE users;\nREINDEX SYSTEM db;")
                .check();
    }

    @Test
    void reindexBeforePostgres12SaysThereIsNoConcurrently() {
        Finding f = RuleTester.postgres().only(TableRewritingMaintenanceRule.ID).serverVersion("11").format("sql")
                .released(USERS).deploy("REINDEX TABLE users;").onlyFinding();
        assertTrue(f.message().contains("before PostgreSQL 12"), f.message());
    }
}
