package dev.migsafe.sql;

import static dev.migsafe.sql.ParseAssertions.my;
import static dev.migsafe.sql.ParseAssertions.parseAll;
import static dev.migsafe.sql.ParseAssertions.pg;
import static dev.migsafe.sql.ParseAssertions.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import dev.migsafe.dialect.Dialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.migsafe.change.Change;
import dev.migsafe.change.Change.*;
import dev.migsafe.change.ColumnDef;
import dev.migsafe.change.ConstraintDef;
import dev.migsafe.change.SqlType;
import dev.migsafe.change.ViewColumn;

class SqlScriptParserTest {

    private static final Dialect PG = Dialect.POSTGRESQL;
    private static final Dialect MY = Dialect.MYSQL;

    // ---- CREATE TABLE -----------------------------------------------------------------------------

    @Test
    void createTablePostgres() {
        CreateTable t = (CreateTable) single("""
                CREATE TABLE IF NOT EXISTS public.Users (
                    id bigserial PRIMARY KEY,
                    email varchar(255) NOT NULL UNIQUE,
                    created_at timestamptz NOT NULL DEFAULT now(),
                    token uuid DEFAULT gen_random_uuid(),
                    team_id int REFERENCES teams (id) ON DELETE CASCADE,
                    n int GENERATED ALWAYS AS IDENTITY,
                    age int CONSTRAINT age_ok CHECK (age > 0),
                    CONSTRAINT users_email_team UNIQUE (email, team_id)
                )""", PG);
        assertEquals("users", t.table());
        assertTrue(t.ifNotExists());
        assertTrue(t.columnsKnown());
        assertEquals(new ColumnDef("id", SqlType.of("bigint"), true, null, true, true), withRawless(t.columns().get(0)));
        ColumnDef email = t.columns().get(1);
        assertEquals("varchar(255)", email.type().toString());
        assertTrue(email.notNull());
        ColumnDef created = t.columns().get(2);
        assertEquals("now()", created.defaultExpr());
        assertFalse(created.volatileDefault(), "now() is stable: evaluated once");
        assertTrue(t.columns().get(3).volatileDefault());
        assertTrue(t.columns().get(5).generated());
        assertEquals(List.of(
                new ConstraintDef(null, ConstraintDef.Kind.PRIMARY_KEY, List.of("id"), null, List.of(), null, false, null),
                new ConstraintDef(null, ConstraintDef.Kind.UNIQUE, List.of("email"), null, List.of(), null, false, null),
                new ConstraintDef(null, ConstraintDef.Kind.FOREIGN_KEY, List.of("team_id"), "teams", List.of("id"), null, false, null),
                new ConstraintDef("age_ok", ConstraintDef.Kind.CHECK, List.of("age"), null, List.of(), "age > 0", false, null),
                new ConstraintDef("users_email_team", ConstraintDef.Kind.UNIQUE, List.of("email", "team_id"), null, List.of(), null, false, null)),
                t.constraints());
    }

    private static ColumnDef withRawless(ColumnDef c) {
        SqlType t = c.type();
        return new ColumnDef(c.name(), new SqlType(t.base(), t.args(), t.enumValues(), t.array(), t.base()),
                c.notNull(), c.defaultExpr(), c.generated(), c.volatileDefault());
    }

    @Test
    void createTableMysqlWithInlineKeysAndOptions() {
        List<Change> changes = my("""
                CREATE TABLE `Shop`.`Orders` (
                  `id` INT(11) UNSIGNED NOT NULL AUTO_INCREMENT,
                  `state` ENUM('new','paid') NOT NULL DEFAULT 'new' COMMENT 'order state',
                  `note` VARCHAR(20) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
                  `updated` DATETIME(6) DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
                  PRIMARY KEY (`id`),
                  UNIQUE KEY `uq_note` (`note`),
                  KEY `idx_state` (`state`, `updated`),
                  CONSTRAINT `fk_x` FOREIGN KEY (`id`) REFERENCES `other` (`id`)
                ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4""");
        assertEquals(2, changes.size());
        CreateTable t = (CreateTable) changes.get(0);
        assertEquals("orders", t.table());
        ColumnDef id = t.columns().get(0);
        assertEquals("integer unsigned", id.type().base());
        assertTrue(id.generated() && id.notNull());
        ColumnDef state = t.columns().get(1);
        assertEquals(List.of("new", "paid"), state.type().enumValues());
        assertEquals("'new'", state.defaultExpr());
        assertEquals("varchar(20)", t.columns().get(2).type().toString());
        assertFalse(t.columns().get(2).notNull());
        assertEquals("CURRENT_TIMESTAMP(6)", t.columns().get(3).defaultExpr());
        assertEquals(List.of(ConstraintDef.Kind.PRIMARY_KEY, ConstraintDef.Kind.UNIQUE, ConstraintDef.Kind.FOREIGN_KEY),
                t.constraints().stream().map(ConstraintDef::kind).toList());
        assertEquals("uq_note", t.constraints().get(1).name());
        assertEquals(new CreateIndex("idx_state", "orders", List.of("state", "updated"), false, false, false), changes.get(1));
    }

    @Test
    void createTableAsSelectHasUnknownColumns() {
        CreateTable t = (CreateTable) single("CREATE TABLE copy AS SELECT * FROM users", PG);
        assertFalse(t.columnsKnown());
        assertEquals(new Other("CREATE TEMPORARY TABLE", "tmp"), single("CREATE TEMP TABLE tmp (a int)", PG));
    }

    // ---- ALTER TABLE ------------------------------------------------------------------------------

    @Test
    void alterTablePostgresActions() {
        List<Change> changes = pg("""
                ALTER TABLE ONLY public.users
                  ADD COLUMN IF NOT EXISTS nick text NOT NULL DEFAULT '',
                  ADD COLUMN org_id int CONSTRAINT fk_org REFERENCES orgs(id),
                  DROP COLUMN IF EXISTS legacy CASCADE,
                  ALTER COLUMN age TYPE bigint USING age::bigint,
                  ALTER COLUMN name SET DATA TYPE varchar(100),
                  ALTER name SET NOT NULL,
                  ALTER COLUMN bio DROP NOT NULL,
                  ALTER COLUMN score SET DEFAULT random(),
                  ALTER COLUMN score DROP DEFAULT,
                  ADD CONSTRAINT chk CHECK (age > 0) NOT VALID,
                  DROP CONSTRAINT IF EXISTS old_chk,
                  VALIDATE CONSTRAINT chk,
                  ALTER COLUMN age SET STATISTICS 100,
                  OWNER TO app""");
        assertEquals(15, changes.size(), changes::toString);
        assertEquals("nick", ((AddColumn) changes.get(0)).column().name());
        assertTrue(((AddColumn) changes.get(0)).ifNotExists());
        assertEquals(new AddConstraint("users", new ConstraintDef("fk_org", ConstraintDef.Kind.FOREIGN_KEY,
                List.of("org_id"), "orgs", List.of("id"), null, false, null)), changes.get(2));
        assertEquals(new DropColumn("users", "legacy", true), changes.get(3));
        AlterColumnType type = (AlterColumnType) changes.get(4);
        assertEquals("bigint", type.type().toString());
        assertEquals("age::bigint", type.using());
        assertEquals("varchar(100)", ((AlterColumnType) changes.get(5)).type().toString());
        assertEquals(new SetNotNull("users", "name"), changes.get(6));
        assertEquals(new DropNotNull("users", "bio"), changes.get(7));
        assertEquals(new SetDefault("users", "score", "random()", true), changes.get(8));
        assertEquals(new DropDefault("users", "score"), changes.get(9));
        ConstraintDef chk = ((AddConstraint) changes.get(10)).constraint();
        assertTrue(chk.notValid());
        assertEquals(new DropConstraint("users", "old_chk", true), changes.get(11));
        assertEquals(new ValidateConstraint("users", "chk"), changes.get(12));
        assertEquals(new Other("ALTER TABLE ALTER COLUMN SET STATISTICS", "users.age"), changes.get(13));
        assertEquals(new Other("ALTER TABLE OWNER TO", "users"), changes.get(14));
    }

    @Test
    void alterTableRenames() {
        assertEquals(new RenameColumn("users", "name", "full_name"), single("ALTER TABLE users RENAME COLUMN name TO full_name", PG));
        assertEquals(new RenameColumn("users", "name", "full_name"), single("ALTER TABLE users RENAME name TO full_name", PG));
        assertEquals(new RenameTable("users", "people"), single("ALTER TABLE users RENAME TO people", PG));
        assertEquals(new RenameConstraint("users", "a", "b"), single("ALTER TABLE users RENAME CONSTRAINT a TO b", PG));
        assertEquals(new RenameTable("users", "archive.users"), single("ALTER TABLE users SET SCHEMA archive", PG));
        assertEquals(new RenameTable("users", "people"), single("ALTER TABLE `users` RENAME `people`", MY));
        assertEquals(new RenameTable("users", "people"), single("ALTER TABLE users RENAME AS people", MY));
        assertEquals(new RenameIndex("users", "idx_a", "idx_b"), single("ALTER TABLE `users` RENAME INDEX `idx_a` TO `idx_b`", MY));
        assertEquals(new RenameIndex("users", "idx_a", "idx_b"), single("ALTER TABLE users RENAME KEY idx_a TO idx_b", MY));
    }

    @Test
    void alterTableMysqlModifyAndChange() {
        List<Change> changes = my("""
                ALTER TABLE `Users`
                  MODIFY COLUMN `Email` VARCHAR(320) NOT NULL AFTER `id`,
                  CHANGE `nick` `nickname` VARCHAR(50) DEFAULT 'x' UNIQUE,
                  ADD INDEX `idx_email` (`email`),
                  ADD UNIQUE KEY `uq_nick` (`nickname`),
                  DROP FOREIGN KEY `fk_a`,
                  DROP INDEX `idx_old`,
                  DROP PRIMARY KEY,
                  ALTER COLUMN `score` SET DEFAULT 0,
                  ADD COLUMN `age` INT FIRST,
                  ENGINE = InnoDB,
                  ALGORITHM = INPLACE""");
        assertEquals(new RedefineColumn("users", "email", new ColumnDef("email",
                TypeNames.parse("VARCHAR(320)", MY), true, null, false, false)), changes.get(0));
        RedefineColumn change = (RedefineColumn) changes.get(1);
        assertEquals("nick", change.oldName());
        assertEquals("nickname", change.column().name());
        assertEquals("'x'", change.column().defaultExpr());
        assertEquals(ConstraintDef.Kind.UNIQUE, ((AddConstraint) changes.get(2)).constraint().kind());
        assertEquals(new CreateIndex("idx_email", "users", List.of("email"), false, false, false), changes.get(3));
        assertEquals(new AddConstraint("users", new ConstraintDef("uq_nick", ConstraintDef.Kind.UNIQUE,
                List.of("nickname"), null, List.of(), null, false, null)), changes.get(4));
        assertEquals(new DropConstraint("users", "fk_a", false), changes.get(5));
        assertEquals(new DropIndex("idx_old", "users", false, false), changes.get(6));
        assertEquals(new DropConstraint("users", "primary", false), changes.get(7));
        assertEquals(new SetDefault("users", "score", "0", false), changes.get(8));
        assertEquals("age", ((AddColumn) changes.get(9)).column().name());
        assertEquals(new Other("ALTER TABLE ENGINE", "users"), changes.get(10));
        assertEquals(new Other("ALTER TABLE ALGORITHM=INPLACE", "users"), changes.get(11));
    }

    @Test
    void alterTableFormsJSqlParserRejectsAreRead() {
        List<Change> changes = pg("""
                ALTER TABLE ONLY measurements
                  ALTER COLUMN v TYPE numeric(12,3) USING round(v::numeric, 3),
                  ADD CONSTRAINT no_overlap EXCLUDE USING gist (room WITH =, during WITH &&),
                  ENABLE TRIGGER audit_trg,
                  ATTACH PARTITION m2024 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01'),
                  ADD CONSTRAINT pk PRIMARY KEY USING INDEX pk_idx""");
        assertEquals("numeric(12,3)", ((AlterColumnType) changes.get(0)).type().toString());
        assertEquals(ConstraintDef.Kind.EXCLUDE, ((AddConstraint) changes.get(1)).constraint().kind());
        assertEquals(new Other("ALTER TABLE ENABLE TRIGGER", "measurements"), changes.get(2));
        assertEquals(new Other("ALTER TABLE ATTACH PARTITION", "measurements"), changes.get(3));
        assertEquals("pk_idx", ((AddConstraint) changes.get(4)).constraint().usingIndex());
    }

    @Test
    void renameTableMysql() {
        assertEquals(List.of(new RenameTable("a", "b"), new RenameTable("c", "d")), my("RENAME TABLE `db`.`a` TO b, c TO d"));
    }

    // ---- DROP -------------------------------------------------------------------------------------

    @Test
    void dropsGiveOneEventPerName() {
        assertEquals(List.of(new DropTable("a", true, true), new DropTable("audit.b", true, true)),
                pg("DROP TABLE IF EXISTS a, audit.b CASCADE"));
        assertEquals(List.of(new DropView("v", false, true)), pg("DROP MATERIALIZED VIEW v"));
        assertEquals(List.of(new DropIndex("i", null, true, true)), pg("DROP INDEX CONCURRENTLY IF EXISTS i"));
        assertEquals(List.of(new DropIndex("i", "t", false, false)), my("DROP INDEX `i` ON `t`"));
        assertEquals(List.of(new DropSequence("s1", false), new DropSequence("s2", false)), pg("DROP SEQUENCE s1, s2"));
        assertEquals(List.of(new DropType("mood", true)), pg("DROP TYPE IF EXISTS mood"));
        assertEquals(List.of(new DropType("email", false)), pg("DROP DOMAIN email CASCADE"));
        assertEquals(List.of(new DropFunction("f", "(integer, varchar)", true, false)),
                pg("DROP FUNCTION IF EXISTS f(int4, character varying)"));
        assertEquals(List.of(new DropFunction("p", null, true, true)), my("DROP PROCEDURE IF EXISTS p"));
        assertEquals(List.of(new Other("DROP TRIGGER", "users")), pg("DROP TRIGGER IF EXISTS trg ON users"));
        assertEquals(List.of(new Other("DROP EXTENSION", "pgcrypto")), pg("DROP EXTENSION IF EXISTS pgcrypto"));
    }

    // ---- indexes ----------------------------------------------------------------------------------

    @Test
    void createIndex() {
        assertEquals(new CreateIndex("users_email", "users", List.of("email", "lower(name)"), true, true, true),
                single("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS users_email ON ONLY public.users USING btree (email, lower(name)) WHERE deleted_at IS NULL", PG));
        assertEquals(new CreateIndex("idx", "t", List.of("a", "b"), false, false, false),
                single("CREATE INDEX `idx` USING BTREE ON `t` (`a`(10), `b` DESC) ALGORITHM=INPLACE LOCK=NONE", MY));
        assertEquals(new CreateIndex(null, "t", List.of("(extra::jsonb->'k')"), false, false, false),
                single("CREATE INDEX ON t USING gin ((extra::jsonb->'k'))", PG));
        assertEquals(new RenameIndex(null, "a", "b"), single("ALTER INDEX a RENAME TO b", PG));
    }

    // ---- views ------------------------------------------------------------------------------------

    @Test
    void createViewResolvesColumnsThroughAliases() {
        CreateView v = (CreateView) single("""
                CREATE OR REPLACE VIEW active_users AS
                SELECT u.id, u.name AS full_name, o.*, count(*) AS n, uuid
                FROM users u JOIN orgs o ON o.id = u.org_id
                WHERE u.active""", PG);
        assertEquals("active_users", v.name());
        assertTrue(v.orReplace());
        assertFalse(v.materialized());
        assertEquals(List.of(new ViewColumn("id", "users", "id"), new ViewColumn("full_name", "users", "name"),
                new ViewColumn("*", "orgs", null), new ViewColumn("n", null, null),
                new ViewColumn("uuid", null, "uuid")), v.columns());
        assertTrue(v.reads().containsAll(List.of("users.id", "users.name", "orgs.id", "users.org_id", "users.active",
                "orgs.*")), v.reads()::toString);
    }

    @Test
    void viewsOfBothDialects() {
        CreateView v = (CreateView) single("CREATE MATERIALIZED VIEW mv (a, b) AS SELECT * FROM t", PG);
        assertEquals(List.of("a", "b"), v.columnNames());
        assertEquals(List.of(new ViewColumn("*", "t", null)), v.columns());
        assertEquals(List.of("t.*"), v.reads());
        assertTrue(v.materialized());
        CreateView m = (CreateView) single(
                "CREATE ALGORITHM=MERGE DEFINER=`root`@`%` SQL SECURITY DEFINER VIEW `v` AS SELECT `t`.`A` AS `x` FROM `db`.`t`", MY);
        assertEquals(List.of(new ViewColumn("x", "t", "a")), m.columns());
        assertEquals(new RenameView("v", "w"), single("ALTER VIEW v RENAME TO w", PG));
        assertEquals(new RenameColumn("v", "a", "b"), single("ALTER VIEW v RENAME COLUMN a TO b", PG));
        assertTrue(((CreateView) single("ALTER VIEW v AS SELECT a FROM t", MY)).orReplace());
    }

    // ---- sequences --------------------------------------------------------------------------------

    @Test
    void sequences() {
        assertEquals(new CreateSequence("s", true), single("CREATE SEQUENCE IF NOT EXISTS s START 10", PG));
        assertEquals(new RenameSequence("s", "t"), single("ALTER SEQUENCE s RENAME TO t", PG));
        assertEquals(new Other("ALTER SEQUENCE AS", "s"), single("ALTER SEQUENCE s AS bigint", PG));
    }

    // ---- data -------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "INSERT INTO users (id) VALUES (1) | INSERT | users | false",
            "INSERT IGNORE INTO `users` SET id = 1 | INSERT | users | false",
            "UPDATE users SET a = 1 | UPDATE | users | false",
            "UPDATE users SET a = (SELECT 1 FROM x WHERE y) | UPDATE | users | false",
            "UPDATE users SET a = 1 WHERE id = 2 | UPDATE | users | true",
            "DELETE FROM public.users | DELETE | users | false",
            "DELETE FROM users WHERE id IN (SELECT id FROM x) | DELETE | users | true",
            "TRUNCATE TABLE users | TRUNCATE | users | false",
            "WITH old AS (SELECT id FROM users) DELETE FROM users WHERE id IN (SELECT id FROM old) | DELETE | users | true",
            "MERGE INTO users u USING src s ON u.id = s.id WHEN MATCHED THEN UPDATE SET a = s.a | MERGE | users | true"})
    void dataChanges(String sql, String kind, String table, boolean hasWhere) {
        Dialect dialect = sql.contains("`") || sql.contains(" SET id") ? MY : PG;
        assertEquals(new DataChange(DataChange.Kind.valueOf(kind), List.of(table), hasWhere), single(sql, dialect));
    }

    @Test
    void dataStatementsJSqlParserRejectsFallBackToTokens() {
        assertEquals(new DataChange(DataChange.Kind.INSERT, List.of("execution"), false),
                single("INSERT INTO execution (a) VALUES (1) RETURNING id INTO exec_id", PG));
        assertEquals(new DataChange(DataChange.Kind.TRUNCATE, List.of("a", "b"), false),
                single("TRUNCATE a, ONLY b RESTART IDENTITY CASCADE", PG));
        assertEquals(new DataChange(DataChange.Kind.COPY, List.of("t"), false), single("COPY t (a, b) FROM STDIN", PG));
    }

    // ---- statements without schema effect ---------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "GRANT SELECT ON users TO app | GRANT",
            "REVOKE ALL ON users FROM app | REVOKE",
            "COMMENT ON COLUMN users.a IS 'x' | COMMENT ON",
            "SET statement_timeout = '5s' | SET",
            "SELECT setval('s', 10) | SELECT",
            "CREATE EXTENSION IF NOT EXISTS pgcrypto | CREATE EXTENSION",
            "ANALYZE users | ANALYZE",
            "VACUUM (FULL, ANALYZE) users | VACUUM FULL",
            "VACUUM users | VACUUM",
            "CLUSTER users USING users_pkey | CLUSTER",
            "REINDEX INDEX CONCURRENTLY i | REINDEX CONCURRENTLY",
            "LOCK TABLE users IN ACCESS EXCLUSIVE MODE | LOCK TABLE",
            "BEGIN | BEGIN",
            "COMMIT | COMMIT",
            "CREATE POLICY p ON users USING (true) | CREATE POLICY",
            "REFRESH MATERIALIZED VIEW CONCURRENTLY mv | REFRESH MATERIALIZED VIEW CONCURRENTLY",
            "CREATE SCHEMA IF NOT EXISTS audit | CREATE SCHEMA",
            "CREATE OR REPLACE RULE r AS ON INSERT TO t DO INSTEAD NOTHING | CREATE RULE",
            "ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO app | ALTER DEFAULT PRIVILEGES"})
    void otherStatementsKeepAPreciseKind(String sql, String kind) {
        Change c = single(sql, PG);
        assertEquals(kind, ((Other) c).kind());
    }

    @Test
    void mysqlSessionStatements() {
        assertEquals("SET", ((Other) single("SET FOREIGN_KEY_CHECKS = 0", MY)).kind());
        assertEquals("LOCK TABLES", ((Other) single("LOCK TABLES t WRITE", MY)).kind());
    }

    // ---- not understood ---------------------------------------------------------------------------

    @Test
    void unknownStatementIsNotUnderstoodWithAReason() {
        List<ParsedStatement> parsed = parseAll("FROBNICATE TABLE users;\nALTER TABLE t FROBNICATE x;\nSELECT 1;", PG);
        assertEquals(3, parsed.size());
        assertFalse(parsed.get(0).isUnderstood());
        assertEquals("unknown statement FROBNICATE TABLE USERS", parsed.get(0).problem());
        assertTrue(parsed.get(0).changes().isEmpty());
        assertTrue(parsed.get(1).problem().startsWith("unknown ALTER TABLE action"), parsed.get(1).problem());
        assertTrue(parsed.get(2).isUnderstood());
        assertEquals(2, parsed.get(1).statement().line());
    }

    @Test
    void dynamicSqlIsNotUnderstood() {
        ParsedStatement p = parseAll("EXECUTE stmt", MY).get(0);
        assertFalse(p.isUnderstood());
        assertTrue(p.problem().contains("dynamic SQL"), p.problem());
    }
}
