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

import dev.migsafe.change.Change;
import dev.migsafe.change.Change.*;
import dev.migsafe.change.ConstraintDef;
import dev.migsafe.change.SqlType;

/** Statements JSqlParser cannot read, recognised by migsafe's own readers. */
class FallbackRecognisersTest {

    private static final Dialect PG = Dialect.POSTGRESQL;

    @Test
    void doBlockWithConditionalAlterReturnsTheInnerChanges() {
        List<Change> changes = pg("""
                DO $$
                DECLARE
                    n integer := 0;
                BEGIN
                    IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'uq_acc') THEN
                        ALTER TABLE accessory ADD CONSTRAINT uq_acc UNIQUE (digest, subject);
                    ELSIF n > 1 THEN
                        n := n + 1;
                    ELSE
                        UPDATE accessory SET x = 1;
                    END IF;
                    FOR r IN SELECT * FROM t LOOP
                        DELETE FROM t WHERE id = r.id;
                    END LOOP;
                    EXECUTE 'ALTER TABLE t DROP COLUMN IF EXISTS c';
                EXCEPTION WHEN duplicate_object THEN
                    RAISE NOTICE 'exists';
                END $$""");
        assertEquals(List.of(
                new AddConstraint("accessory", new ConstraintDef("uq_acc", ConstraintDef.Kind.UNIQUE,
                        List.of("digest", "subject"), null, List.of(), null, false, null)),
                new DataChange(DataChange.Kind.UPDATE, List.of("accessory"), false),
                new DataChange(DataChange.Kind.DELETE, List.of("t"), true),
                new DropColumn("t", "c", true)), changes);
    }

    @Test
    void doBlockExecutingADynamicStringIsNotUnderstood() {
        ParsedStatement p = parseAll("DO $$ BEGIN EXECUTE format('DROP TABLE %I', tname); END $$;", PG).get(0);
        assertFalse(p.isUnderstood());
        assertEquals("DO block: EXECUTE of a dynamic string", p.problem());
    }

    @Test
    void doBlockExecutingAConcatenationOfLiteralsIsRead() {
        assertEquals(List.of(new DropTable("t", false, false)),
                pg("DO $$ DECLARE s text; BEGIN s := 'DROP ' || 'TABLE t'; EXECUTE s; END $$"));
    }

    @Test
    void enumTypes() {
        assertEquals(new CreateEnumType("mood", List.of("sad", "it's ok")),
                single("CREATE TYPE public.mood AS ENUM ('sad', 'it''s ok')", PG));
        assertEquals(new AddEnumValue("mood", "happy", null, "sad", true),
                single("ALTER TYPE mood ADD VALUE IF NOT EXISTS 'happy' AFTER 'sad'", PG));
        assertEquals(new AddEnumValue("mood", "meh", "sad", null, false),
                single("ALTER TYPE mood ADD VALUE 'meh' BEFORE 'sad'", PG));
        assertEquals(new RenameEnumValue("mood", "sad", "blue"), single("ALTER TYPE mood RENAME VALUE 'sad' TO 'blue'", PG));
        assertEquals(new RenameType("mood", "feeling"), single("ALTER TYPE mood RENAME TO feeling", PG));
        assertEquals(new Other("CREATE TYPE", "pair"), single("CREATE TYPE pair AS (a int, b text)", PG));
        assertEquals(new Other("ALTER TYPE", "mood"), single("ALTER TYPE mood OWNER TO app", PG));
    }

    @Test
    void domains() {
        CreateDomain d = (CreateDomain) single(
                "CREATE DOMAIN email AS varchar(320) DEFAULT '' NOT NULL CONSTRAINT has_at CHECK (VALUE LIKE '%@%')", PG);
        assertEquals("email", d.name());
        assertEquals("varchar(320)", d.baseType().toString());
        assertTrue(d.notNull());
        assertEquals("VALUE LIKE '%@%'", d.check());
        assertEquals(new RenameType("email", "mail"), single("ALTER DOMAIN email RENAME TO mail", PG));
        assertEquals(new Other("ALTER DOMAIN", "email"), single("ALTER DOMAIN email SET NOT NULL", PG));
    }

    @Test
    void createFunctionWithDollarBody() {
        assertEquals(new CreateFunction("touch", "(integer, varchar, text[])", true, false, true), single("""
                CREATE OR REPLACE FUNCTION public.touch(IN p_id int4, p_name character varying DEFAULT 'x',
                                                        VARIADIC tags text[], OUT ok boolean)
                RETURNS trigger LANGUAGE plpgsql AS $fn$
                BEGIN
                    NEW.updated_at = now(); -- a semicolon; inside the body
                    RETURN NEW;
                END;
                $fn$""", PG));
        assertEquals(new CreateFunction("f", "(double precision)", false, false),
                single("CREATE FUNCTION f(double precision) RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; END", PG));
        assertEquals(new RenameFunction("f", "g"), single("ALTER FUNCTION f(int) RENAME TO g", PG));
        assertEquals(new Other("ALTER FUNCTION", "f"), single("ALTER FUNCTION f(int) OWNER TO app", PG));
    }

    @Test
    void createTrigger() {
        assertEquals(new Other("CREATE TRIGGER", "users"), single("""
                CREATE TRIGGER users_touch BEFORE UPDATE OR INSERT ON public.users
                FOR EACH ROW WHEN (NEW.id IS NULL) EXECUTE FUNCTION touch()""", PG));
        assertEquals(new Other("CREATE TRIGGER", "users"),
                single("CREATE CONSTRAINT TRIGGER t AFTER INSERT ON users DEFERRABLE FOR EACH ROW EXECUTE PROCEDURE f()", PG));
        assertEquals(new Other("CREATE TRIGGER", "t"),
                single("CREATE DEFINER=`root`@`localhost` TRIGGER trg BEFORE INSERT ON `t` FOR EACH ROW SET NEW.a = 1",
                        Dialect.MYSQL));
    }

    @Test
    void mysqlCallOfAProcedureSeenEarlierIsExpanded() {
        SqlScriptParser parser = new SqlScriptParser();
        List<ParsedStatement> first = parser.parse(new MigrationScript("V1.sql", """
                CREATE PROCEDURE PROC_DROP_FK(IN tableName VARCHAR(64), IN constraintName VARCHAR(64))
                BEGIN
                    IF EXISTS(SELECT * FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_NAME = tableName) THEN
                        SET @query = CONCAT('ALTER TABLE ', tableName, ' DROP FOREIGN KEY ', constraintName, ';');
                        PREPARE stmt FROM @query;
                        EXECUTE stmt;
                        DEALLOCATE PREPARE stmt;
                    END IF;
                END;
                """), Dialect.MYSQL);
        assertEquals(List.of(new CreateFunction("proc_drop_fk", null, false, true)), first.get(0).changes());
        List<ParsedStatement> second = parser.parse(
                new MigrationScript("V2.sql", "CALL PROC_DROP_FK('orders', 'orders_user_fk');"), Dialect.MYSQL);
        assertEquals(List.of(new DropConstraint("orders", "orders_user_fk", false)), second.get(0).changes());
    }

    @Test
    void callOfAnUnknownProcedureIsNotUnderstood() {
        ParsedStatement p = parseAll("CALL refresh_all()", Dialect.MYSQL).get(0);
        assertFalse(p.isUnderstood());
        assertTrue(p.problem().contains("has not seen"), p.problem());
        assertTrue(my("DROP PROCEDURE IF EXISTS refresh_all").get(0) instanceof DropFunction);
    }

    @Test
    void serialColumnsAreGeneratedAndRewriteTheTable() {
        AddColumn add = (AddColumn) single("ALTER TABLE t ADD COLUMN n bigserial", PG);
        assertEquals(SqlType.of("bigint").base(), add.column().type().base());
        assertTrue(add.column().generated());
        assertTrue(add.column().volatileDefault());
        assertTrue(add.column().hasValueWithoutApp());
    }
}
