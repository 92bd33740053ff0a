package dev.migsafe.schema;

import static dev.migsafe.schema.Changes.alias;
import static dev.migsafe.schema.Changes.col;
import static dev.migsafe.schema.Changes.computed;
import static dev.migsafe.schema.Changes.foreignKey;
import static dev.migsafe.schema.Changes.notNull;
import static dev.migsafe.schema.Changes.ref;
import static dev.migsafe.schema.Changes.replay;
import static dev.migsafe.schema.Changes.table;
import static dev.migsafe.schema.Changes.unique;
import static dev.migsafe.schema.Changes.view;
import static dev.migsafe.schema.Changes.withDefault;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.migsafe.change.Change;
import dev.migsafe.change.ColumnDef;
import dev.migsafe.change.ConstraintDef;
import dev.migsafe.change.SqlType;
import dev.migsafe.change.ViewColumn;

class SchemaReplayerTest {

    @Test
    void createTableGivesEveryTableAndColumnItsOwnLineage() {
        Schema s = replay(table("users", col("id", "integer"), col("name", "text")), table("orders", col("id", "integer")));
        Set<Long> lineages = Set.of(s.table("users").lineage(), s.table("users").column("id").lineage(),
                s.table("users").column("name").lineage(), s.table("orders").lineage(),
                s.table("orders").column("id").lineage());
        assertEquals(5, lineages.size());
        assertTrue(s.table("users").columnsKnown());
        assertEquals(List.of("id", "name"), s.table("users").columnNames());
    }

    @Test
    void renameColumnKeepsLineageAndPosition() {
        Schema s = replay(table("users", col("id", "integer"), col("name", "text"), col("email", "text")));
        long lineage = s.table("users").column("name").lineage();
        SchemaReplayer.apply(s, new Change.RenameColumn("users", "name", "full_name"));
        assertNull(s.table("users").column("name"));
        assertEquals(lineage, s.table("users").column("full_name").lineage());
        assertEquals(List.of("id", "full_name", "email"), s.table("users").columnNames());
    }

    @Test
    void dropAndReAddGivesANewLineage() {
        Schema s = replay(table("users", col("id", "integer"), col("name", "text")));
        long old = s.table("users").column("name").lineage();
        SchemaReplayer.apply(s, new Change.DropColumn("users", "name", false));
        SchemaReplayer.apply(s, new Change.AddColumn("users", col("name", "text"), false));
        assertNotEquals(old, s.table("users").column("name").lineage());
    }

    @Test
    void renameTableKeepsLineageAndMovesIndexesAndForeignKeys() {
        Schema s = replay(table("users", col("id", "integer")), table("orders", col("id", "integer"), col("user_id", "integer")),
                new Change.AddConstraint("orders", foreignKey("user_id", "users", "id")),
                new Change.CreateIndex("users_id_idx", "users", List.of("id"), false, false, false));
        long lineage = s.table("users").lineage();
        SchemaReplayer.apply(s, new Change.RenameTable("users", "people"));
        assertNull(s.table("users"));
        assertEquals(lineage, s.table("people").lineage());
        assertEquals("people", s.table("people").name());
        assertEquals("people", s.indexes().get("users_id_idx").table());
        assertEquals("people", s.table("orders").constraints().get(0).refTable());
        assertEquals(s.table("people"), s.tableByLineage(lineage));
    }

    @Test
    void renameColumnUpdatesConstraintsIndexesAndReferences() {
        Schema s = replay(table("users", col("id", "integer"), col("email", "text")),
                table("orders", col("user_id", "integer")),
                new Change.AddConstraint("users", unique(null, "email")),
                new Change.AddConstraint("orders", foreignKey("user_id", "users", "id")),
                new Change.CreateIndex("users_email_idx", "users", List.of("email"), true, false, false));
        SchemaReplayer.apply(s, new Change.RenameColumn("users", "email", "mail"));
        SchemaReplayer.apply(s, new Change.RenameColumn("users", "id", "uid"));
        assertEquals(List.of("mail"), s.table("users").constraints().get(0).columns());
        assertEquals(List.of("mail"), s.indexes().get("users_email_idx").columns());
        assertEquals(List.of("uid"), s.table("orders").constraints().get(0).refColumns());
    }

    @Test
    void unnamedConstraintsAndIndexesGetTheDatabasesDefaultNames() {
        Schema s = replay(table("users", col("id", "integer"), col("email", "text")),
                new Change.AddConstraint("users", unique(null, "email")),
                new Change.CreateIndex(null, "users", List.of("lower(email)"), false, false, false));
        assertEquals("users_email_key", s.table("users").constraints().get(0).name());
        // PostgreSQL names an expression after its function: users_lower_idx, not users_lower_email_idx
        assertTrue(s.indexes().containsKey("users_lower_idx"), s.indexes().keySet().toString());
        SchemaReplayer.apply(s, new Change.DropConstraint("users", "users_email_key", false));
        assertTrue(s.table("users").constraints().isEmpty());
    }

    @Test
    void dropTableDropsItsIndexes() {
        Schema s = replay(table("users", col("id", "integer")), table("orders", col("id", "integer")),
                new Change.CreateIndex("u_idx", "users", List.of("id"), false, false, false),
                new Change.CreateIndex("o_idx", "orders", List.of("id"), false, false, false),
                new Change.DropTable("users", false, false));
        assertNull(s.table("users"));
        assertEquals(Set.of("o_idx"), s.indexes().keySet());
    }

    @Test
    void dropColumnDropsConstraintsAndIndexesOnIt() {
        Schema s = replay(table("users", col("id", "integer"), col("email", "text")),
                new Change.AddConstraint("users", unique("u_email", "email")),
                new Change.CreateIndex("u_email_idx", "users", List.of("email"), false, false, false),
                new Change.DropColumn("users", "email", false));
        assertTrue(s.table("users").constraints().isEmpty());
        assertTrue(s.indexes().isEmpty());
    }

    @Test
    void primaryKeyMakesItsColumnsNotNull() {
        Schema s = replay(table("users", col("id", "integer")), new Change.AddConstraint("users",
                new ConstraintDef(null, ConstraintDef.Kind.PRIMARY_KEY, List.of("id"), null, List.of(), null, false, null)));
        assertTrue(s.table("users").column("id").notNull());
        assertEquals("users_pkey", s.table("users").constraints().get(0).name());
    }

    @Test
    void columnAttributesChange() {
        Schema s = replay(table("users", col("id", "integer"), col("name", "varchar", 20)),
                new Change.AlterColumnType("users", "name", SqlType.of("varchar", 50), null),
                new Change.SetNotNull("users", "name"),
                new Change.SetDefault("users", "name", "'x'", false));
        Column name = s.table("users").column("name");
        assertEquals(SqlType.of("varchar", 50), name.type());
        assertTrue(name.notNull());
        assertEquals("'x'", name.defaultExpr());
        SchemaReplayer.apply(s, new Change.DropDefault("users", "name"));
        SchemaReplayer.apply(s, new Change.DropNotNull("users", "name"));
        assertNull(s.table("users").column("name").defaultExpr());
        assertFalse(s.table("users").column("name").notNull());
    }

    @Test
    void redefineColumnReplacesTheWholeDefinitionAndKeepsLineage() {
        Schema s = replay(table("users", col("id", "integer"), withDefault(notNull("name", "varchar"), "''"),
                col("email", "text")));
        long lineage = s.table("users").column("name").lineage();
        SchemaReplayer.apply(s, new Change.RedefineColumn("users", "name",
                new ColumnDef("full_name", SqlType.of("varchar", 100), false, null, false, false)));
        Column c = s.table("users").column("full_name");
        assertEquals(lineage, c.lineage());
        assertEquals(SqlType.of("varchar", 100), c.type());
        assertFalse(c.notNull(), "MODIFY without NOT NULL makes the column nullable");
        assertNull(c.defaultExpr(), "MODIFY without DEFAULT drops the default");
        assertEquals(List.of("id", "full_name", "email"), s.table("users").columnNames());
    }

    @Test
    void changesToUnknownTablesCreateAPlaceholder() {
        Schema s = replay(new Change.AddColumn("legacy", col("flag", "boolean"), false),
                new Change.SetNotNull("legacy", "other"),
                new Change.CreateIndex("legacy_idx", "ghost", List.of("x"), false, false, false));
        Table legacy = s.table("legacy");
        assertNotNull(legacy);
        assertFalse(legacy.columnsKnown());
        assertEquals(SqlType.of("boolean"), legacy.column("flag").type());
        assertFalse(legacy.column("other").typeKnown());
        assertTrue(legacy.column("other").notNull());
        assertFalse(s.table("ghost").columnsKnown());
    }

    @Test
    void createTableOverAPlaceholderKeepsItsIdentity() {
        Schema s = replay(new Change.AddColumn("legacy", col("flag", "boolean"), false));
        long lineage = s.table("legacy").lineage();
        SchemaReplayer.apply(s, new Change.CreateTable("legacy", List.of(col("id", "integer")), List.of(), true, true));
        assertEquals(lineage, s.table("legacy").lineage());
        assertTrue(s.table("legacy").columnsKnown());
    }

    @Test
    void ifExistsAndIfNotExistsAreRespectedAndInconsistentInputIsTolerated() {
        Schema s = replay(table("users", col("id", "integer"), col("name", "text")));
        long nameLineage = s.table("users").column("name").lineage();
        SchemaReplayer.apply(s, new Change.CreateTable("users", List.of(col("other", "text")), List.of(), true, true));
        SchemaReplayer.apply(s, new Change.AddColumn("users", col("name", "integer"), true));
        SchemaReplayer.apply(s, new Change.DropTable("nothing", true, false));
        SchemaReplayer.apply(s, new Change.DropColumn("users", "nothing", true));
        SchemaReplayer.apply(s, new Change.DropConstraint("nothing", "x", true));
        SchemaReplayer.apply(s, new Change.DropIndex("nothing", null, true, false));
        SchemaReplayer.apply(s, new Change.DropView("nothing", true, false));
        SchemaReplayer.apply(s, new Change.RenameIndex("users", "nothing", "other"));
        SchemaReplayer.apply(s, new Change.RenameEnumValue("nothing", "a", "b"));
        SchemaReplayer.apply(s, new Change.DropFunction("nothing", "int", true, false));
        assertEquals(List.of("id", "name"), s.table("users").columnNames());
        assertEquals(nameLineage, s.table("users").column("name").lineage());
        assertEquals(SqlType.of("text"), s.table("users").column("name").type());
        assertEquals(Set.of("users"), s.tables().keySet());
    }

    @Test
    void viewColumnsCarryTheLineageOfTheirSourceColumns() {
        Schema s = replay(table("people", col("id", "integer"), col("full_name", "text")),
                view("users", List.of("people.id", "people.full_name"), ref("people", "id"),
                        alias("name", "people", "full_name"), computed("upper_name")));
        Table people = s.table("people");
        Relation users = s.relation("users");
        assertEquals(List.of("id", "name", "upper_name"), users.columnNames());
        assertEquals(people.column("id").lineage(), users.columnLineage("id"));
        assertEquals(people.column("full_name").lineage(), users.columnLineage("name"));
        assertEquals(-1, users.columnLineage("upper_name"));
        assertNotEquals(people.lineage(), users.lineage());
    }

    @Test
    void starExpandsAndExplicitColumnNamesRenamePositionally() {
        Schema s = replay(table("people", col("id", "integer"), col("full_name", "text")),
                new Change.CreateView("users", List.of("uid", "name"), List.of(new ViewColumn("*", null, null)),
                        List.of("people.*"), false, false),
                new Change.CreateView("v2", List.of(), List.of(new ViewColumn("*", "users", null)),
                        List.of("users.*"), false, false));
        Table people = s.table("people");
        assertEquals(List.of("uid", "name"), s.relation("users").columnNames());
        assertEquals(people.column("full_name").lineage(), s.relation("users").columnLineage("name"));
        assertEquals(people.column("id").lineage(), s.relation("v2").columnLineage("uid"));
    }

    @Test
    void createOrReplaceViewKeepsTheViewsLineageAndViewsRename() {
        Schema s = replay(table("t", col("a", "integer"), col("b", "integer")),
                view("v", List.of("t.a"), ref("t", "a")));
        long lineage = s.views().get("v").lineage();
        SchemaReplayer.apply(s, new Change.CreateView("v", List.of(), List.of(ref("t", "a"), ref("t", "b")),
                List.of("t.a", "t.b"), true, false));
        assertEquals(lineage, s.views().get("v").lineage());
        assertEquals(List.of("a", "b"), s.views().get("v").columnNames());
        SchemaReplayer.apply(s, new Change.RenameView("v", "w"));
        assertEquals(lineage, s.views().get("w").lineage());
        SchemaReplayer.apply(s, new Change.RenameTable("w", "x")); // PostgreSQL ALTER TABLE also renames views
        assertEquals("x", s.views().get("x").name());
        SchemaReplayer.apply(s, new Change.DropView("x", false, false));
        assertTrue(s.views().isEmpty());
    }

    @Test
    void viewsFollowTableAndColumnRenamesInWhatTheyRead() {
        Schema s = replay(table("t", col("a", "integer")), view("v", List.of("t.a"), ref("t", "a")),
                new Change.RenameColumn("t", "a", "b"), new Change.RenameTable("t", "u"));
        assertEquals(Set.of("u.b"), s.views().get("v").reads());
    }

    @Test
    void dropTableCascadeDropsViewsThatReadIt() {
        Schema s = replay(table("t", col("a", "integer")), view("v", List.of("t.a"), ref("t", "a")),
                new Change.DropTable("t", false, true));
        assertTrue(s.views().isEmpty());
    }

    @Test
    void sequencesTypesAndFunctionsKeepLineageOnRename() {
        Schema s = replay(new Change.CreateSequence("seq", false), new Change.CreateEnumType("mood", List.of("sad", "ok")),
                new Change.CreateFunction("f", "integer", false, false),
                new Change.CreateFunction("f", "text", false, false),
                table("t", new ColumnDef("m", SqlType.of("mood"), false, null, false, false)));
        long seq = s.sequences().get("seq");
        long type = s.types().get("mood").lineage();
        SchemaReplayer.apply(s, new Change.RenameSequence("seq", "seq2"));
        SchemaReplayer.apply(s, new Change.RenameType("mood", "feeling"));
        SchemaReplayer.apply(s, new Change.AddEnumValue("feeling", "happy", null, null, false));
        SchemaReplayer.apply(s, new Change.AddEnumValue("feeling", "meh", "ok", null, false));
        SchemaReplayer.apply(s, new Change.AddEnumValue("feeling", "happy", null, null, true));
        SchemaReplayer.apply(s, new Change.RenameEnumValue("feeling", "sad", "blue"));
        SchemaReplayer.apply(s, new Change.DropFunction("f", "INTEGER", false, false));
        assertEquals(seq, s.sequences().get("seq2"));
        assertEquals(type, s.types().get("feeling").lineage());
        assertEquals(List.of("blue", "meh", "ok", "happy"), s.types().get("feeling").values());
        assertEquals("feeling", s.table("t").column("m").type().base());
        assertEquals(Set.of("text"), s.functions().get("f"));
        SchemaReplayer.apply(s, new Change.DropFunction("f", null, false, false));
        SchemaReplayer.apply(s, new Change.DropType("feeling", false));
        SchemaReplayer.apply(s, new Change.DropSequence("seq2", false));
        assertTrue(s.functions().isEmpty());
        assertTrue(s.types().isEmpty());
        assertTrue(s.sequences().isEmpty());
    }

    @Test
    void copyIsIndependent() {
        Schema s = replay(table("users", col("id", "integer")));
        Schema copy = s.copy();
        SchemaReplayer.apply(copy, new Change.AddColumn("users", col("name", "text"), false));
        SchemaReplayer.apply(copy, new Change.RenameTable("users", "people"));
        assertEquals(List.of("id"), s.table("users").columnNames());
        assertEquals(s.table("users").lineage(), copy.table("people").lineage());
    }
}
