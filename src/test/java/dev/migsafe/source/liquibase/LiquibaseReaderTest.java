package dev.migsafe.source.liquibase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.migsafe.dialect.Dialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migsafe.BadInputException;
import dev.migsafe.change.Change;
import dev.migsafe.change.ConstraintDef;
import dev.migsafe.source.DirectoryFiles;
import dev.migsafe.source.FormatDetector;
import dev.migsafe.source.Migration;
import dev.migsafe.source.MigrationFormat;
import dev.migsafe.source.MigrationSet;
import dev.migsafe.source.ScriptLoader;
import dev.migsafe.sql.ParsedStatement;
import dev.migsafe.sql.SqlScriptParser;

class LiquibaseReaderTest {
    private static final String XML_HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\"\n"
            + "  xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
            + "  xsi:schemaLocation=\"http://www.liquibase.org/xml/ns/dbchangelog"
            + " http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-4.20.xsd\">\n";
    private static final String XML_TAIL = "</databaseChangeLog>\n";

    @TempDir
    Path dir;

    private void write(String path, String content) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private MigrationSet read(ChangeSetSelection selection) {
        return new LiquibaseReader(new ScriptLoader(), selection, null).read(new DirectoryFiles(dir, dir));
    }

    private static List<Change> changes(Migration m, Dialect dialect, boolean down) {
        List<ParsedStatement> statements = (down ? m.preparedDown() : m.preparedUp())
                .resolve(new SqlScriptParser(), dialect);
        statements.forEach(ps -> assertTrue(ps.isUnderstood(), ps.toString()));
        return statements.stream().flatMap(ps -> ps.changes().stream()).toList();
    }

    @Test
    void xmlWithIncludeAllMapsChangesAndEveryKindOfRollback() throws IOException {
        write("changelog-master.xml", XML_HEAD + "  <includeAll path=\"changes/\" relativeToChangelogFile=\"true\"/>\n" + XML_TAIL);
        write("changes/001-users.xml", XML_HEAD
                + "  <changeSet id=\"1\" author=\"ann\">\n"
                + "    <createTable tableName=\"Users\">\n"
                + "      <column name=\"id\" type=\"INT\" autoIncrement=\"true\"><constraints primaryKey=\"true\"/></column>\n"
                + "      <column name=\"name\" type=\"VARCHAR(100)\"><constraints nullable=\"false\"/></column>\n"
                + "      <column name=\"org_id\" type=\"BIGINT\"><constraints references=\"orgs(id)\" foreignKeyName=\"fk_org\"/></column>\n"
                + "    </createTable>\n"
                + "  </changeSet>\n" + XML_TAIL);
        write("changes/002-rename.xml", XML_HEAD
                + "  <changeSet id=\"2\" author=\"ann\">\n"
                + "    <!-- migsafe:ignore BC102 the old name is unused since v1 -->\n"
                + "    <renameColumn tableName=\"users\" oldColumnName=\"name\" newColumnName=\"full_name\"/>\n"
                + "    <rollback>\n"
                + "      <renameColumn tableName=\"users\" oldColumnName=\"full_name\" newColumnName=\"name\"/>\n"
                + "    </rollback>\n"
                + "  </changeSet>\n" + XML_TAIL);
        write("changes/003-drop.xml", XML_HEAD
                + "  <changeSet id=\"3\" author=\"bob\">\n"
                + "    <dropTable tableName=\"legacy\"/>\n"
                + "  </changeSet>\n"
                + "  <changeSet id=\"4\" author=\"bob\">\n"
                + "    <addNotNullConstraint tableName=\"users\" columnName=\"org_id\" defaultNullValue=\"0\"/>\n"
                + "    <rollback/>\n"
                + "  </changeSet>\n" + XML_TAIL);

        MigrationSet set = read(ChangeSetSelection.ALL);
        assertEquals(List.of("changes/001-users.xml::1::ann", "changes/002-rename.xml::2::ann",
                "changes/003-drop.xml::3::bob", "changes/003-drop.xml::4::bob"),
                set.migrations().stream().map(Migration::id).toList());

        Migration create = set.migrations().get(0);
        assertEquals("liquibase", create.format());
        assertEquals("changes/001-users.xml", create.up().path());
        assertEquals(5, create.up().firstLine());
        Change.CreateTable table = assertInstanceOf(Change.CreateTable.class, changes(create, Dialect.POSTGRESQL, false).get(0));
        assertEquals("users", table.table());
        assertEquals(List.of("id", "name", "org_id"), table.columns().stream().map(c -> c.name()).toList());
        assertTrue(table.columns().get(0).generated() && table.columns().get(0).notNull());
        assertEquals("varchar(100)", table.columns().get(1).type().toString());
        assertTrue(table.columns().get(1).notNull());
        assertEquals(List.of(ConstraintDef.Kind.PRIMARY_KEY, ConstraintDef.Kind.FOREIGN_KEY),
                table.constraints().stream().map(ConstraintDef::kind).toList());
        assertEquals("orgs", table.constraints().get(1).refTable());
        // no <rollback>: Liquibase's own inverse of createTable is dropTable
        assertTrue(create.hasDown() && create.down().content().contains("createInverses"));
        assertInstanceOf(Change.DropTable.class, changes(create, Dialect.POSTGRESQL, true).get(0));

        Migration rename = set.migrations().get(1);
        List<ParsedStatement> up = rename.preparedUp().resolve(new SqlScriptParser(), Dialect.POSTGRESQL);
        assertEquals(new Change.RenameColumn("users", "name", "full_name"), up.get(0).changes().get(0));
        assertEquals(7, up.get(0).statement().line());
        assertEquals("the old name is unused since v1", up.get(0).statement().suppressions().get(0).reason());
        assertEquals(new Change.RenameColumn("users", "full_name", "name"), changes(rename, Dialect.POSTGRESQL, true).get(0));

        Migration drop = set.migrations().get(2);
        assertFalse(drop.hasDown(), "dropTable has no inverse and no <rollback>: RB301");

        Migration notNull = set.migrations().get(3);
        assertTrue(notNull.declaresNoDown(), "<rollback/> is a declared 'no rollback'");
        assertEquals(List.of(), notNull.preparedDown().resolve(new SqlScriptParser(), Dialect.POSTGRESQL));
        List<Change> fill = changes(notNull, Dialect.POSTGRESQL, false);
        assertEquals(Change.DataChange.Kind.UPDATE, assertInstanceOf(Change.DataChange.class, fill.get(0)).kind());
        assertEquals(new Change.SetNotNull("users", "org_id"), fill.get(1));
    }

    @Test
    void yamlIncludeWithContextsAndLabels() throws IOException {
        write("db.changelog-master.yaml", "databaseChangeLog:\n"
                + "  - include:\n      file: release-1.yaml\n      relativeToChangelogFile: true\n");
        write("release-1.yaml", "databaseChangeLog:\n"
                + "  - changeSet:\n      id: schema\n      author: ann\n      labels: v1\n      changes:\n"
                + "        - addColumn:\n            tableName: users\n            columns:\n"
                + "              - column:\n                  name: email\n                  type: varchar(200)\n"
                + "                  defaultValue: none\n"
                + "  - changeSet:\n      id: test-data\n      author: ann\n      context: test\n      changes:\n"
                + "        - insert:\n            tableName: users\n            columns:\n"
                + "              - column:\n                  name: email\n                  value: a@b.c\n"
                + "  - changeSet:\n      id: v2-only\n      author: ann\n      labels: v2\n      changes:\n"
                + "        - dropColumn:\n            tableName: users\n            columnName: email\n");

        assertEquals(3, read(ChangeSetSelection.ALL).size());
        MigrationSet prod = read(new ChangeSetSelection("prod", null));
        assertEquals(List.of("release-1.yaml::schema::ann", "release-1.yaml::v2-only::ann"),
                prod.migrations().stream().map(Migration::id).toList());
        assertTrue(prod.notes().get(0).contains("1 Liquibase changeSet(s) left out"), prod.notes().toString());
        MigrationSet v1 = read(new ChangeSetSelection("prod", "v1"));
        assertEquals(List.of("release-1.yaml::schema::ann"), v1.migrations().stream().map(Migration::id).toList());

        Change.AddColumn add = assertInstanceOf(Change.AddColumn.class, changes(v1.migrations().get(0), Dialect.MYSQL, false).get(0));
        assertEquals("email", add.column().name());
        assertEquals("'none'", add.column().defaultExpr());
        assertEquals(7, v1.migrations().get(0).preparedUp().resolve(new SqlScriptParser(), Dialect.MYSQL).get(0)
                .statement().line());
    }

    @Test
    void jsonWithSqlGuardedByDbms() throws IOException {
        write("changelog.json", "{\"databaseChangeLog\": [\n"
                + "  {\"changeSet\": {\"id\": \"1\", \"author\": \"ann\", \"changes\": [\n"
                + "    {\"modifyDataType\": {\"tableName\": \"users\", \"columnName\": \"name\", \"newDataType\": \"TEXT\"}},\n"
                + "    {\"sql\": {\"dbms\": \"mysql\", \"sql\": \"ALTER TABLE users DROP COLUMN legacy\"}},\n"
                + "    {\"sql\": {\"dbms\": \"postgresql\", \"sql\": \"ALTER TABLE users RENAME COLUMN a TO b\"}}\n"
                + "  ]}},\n"
                + "  {\"changeSet\": {\"id\": \"2\", \"author\": \"ann\", \"dbms\": \"mssql\", \"changes\": [\n"
                + "    {\"sql\": {\"sql\": \"EXEC sp_rename 'users.x', 'y'\"}}]}}\n"
                + "]}\n");
        MigrationSet set = read(ChangeSetSelection.ALL);
        Migration m = set.migrations().get(0);
        List<Change> pg = changes(m, Dialect.POSTGRESQL, false);
        assertEquals(2, pg.size(), pg.toString());
        assertInstanceOf(Change.AlterColumnType.class, pg.get(0));
        assertEquals(new Change.RenameColumn("users", "a", "b"), pg.get(1));
        List<Change> mysql = changes(m, Dialect.MYSQL, false);
        // Liquibase's modifyDataType is MODIFY on MySQL: the column is redefined (NOT NULL and DEFAULT dropped)
        assertInstanceOf(Change.RedefineColumn.class, mysql.get(0));
        assertEquals(new Change.DropColumn("users", "legacy", false), mysql.get(1));
        assertEquals(List.of(), set.migrations().get(1).preparedUp().resolve(new SqlScriptParser(), Dialect.POSTGRESQL),
                "a changeSet for another dbms does not run");
        assertNull(m.down(), "raw SQL has no inverse");
    }

    @Test
    void anUpdateThatRenamesAStoredValueCarriesTheRewrite() throws IOException {
        write("changelog.xml", XML_HEAD
                + "  <changeSet id=\"1\" author=\"ann\">\n"
                + "    <update tableName=\"registry\"><column name=\"type\" value=\"quay\"/>"
                + "<column name=\"note\" valueComputed=\"now()\"/><where>type = 'quay-io' AND id &gt; 0</where></update>\n"
                + "    <update tableName=\"registry\"><column name=\"note\" value=\"a b\"/><where>note IN ('x')</where></update>\n"
                + "  </changeSet>\n" + XML_TAIL);
        MigrationSet set = new LiquibaseReader(new ScriptLoader(), ChangeSetSelection.ALL, "changelog.xml")
                .read(new DirectoryFiles(dir, dir));
        List<Change> changes = changes(set.migrations().get(0), Dialect.POSTGRESQL, false);
        assertEquals(List.of(new Change.DataChange.ValueRewrite("type", List.of("quay-io"), "quay")),
                ((Change.DataChange) changes.get(0)).rewrites());
        assertEquals(List.of(), ((Change.DataChange) changes.get(1)).rewrites(), "free text is no code: not a rename");
    }

    @Test
    void aCustomChangeIsNotUnderstoodAndTheRestIsRead() throws IOException {
        // the class exists nowhere: Liquibase's own wrapper failed the whole changelog with ClassNotFoundException,
        // and a class that does exist on migsafe's classpath must not be instantiated either
        for (String className : List.of("org.example.MigrateThing", "dev.migsafe.cli.Main")) {
            write("changelog.xml", XML_HEAD
                    + "  <changeSet id=\"1\" author=\"ann\">\n"
                    + "    <customChange class=\"" + className + "\"><param name=\"table\" value=\"users\"/></customChange>\n"
                    + "  </changeSet>\n"
                    + "  <changeSet id=\"2\" author=\"ann\"><dropColumn tableName=\"users\" columnName=\"legacy\"/></changeSet>\n"
                    + XML_TAIL);
            write("changelog.yaml", "databaseChangeLog:\n  - changeSet:\n      id: 3\n      author: ann\n      changes:\n"
                    + "        - customChange:\n            class: " + className + "\n            table: users\n");
            for (String master : List.of("changelog.xml", "changelog.yaml")) {
                MigrationSet set = new LiquibaseReader(new ScriptLoader(), ChangeSetSelection.ALL, master)
                        .read(new DirectoryFiles(dir, dir));
                List<ParsedStatement> custom = set.migrations().get(0).preparedUp().resolve(new SqlScriptParser(), Dialect.POSTGRESQL);
                assertEquals(1, custom.size(), master);
                assertFalse(custom.get(0).isUnderstood(), master);
                assertTrue(custom.get(0).problem().contains("customChange " + className), custom.get(0).problem());
                if (master.endsWith(".xml")) {
                    assertEquals(new Change.DropColumn("users", "legacy", false), changes(set.migrations().get(1), Dialect.POSTGRESQL, false).get(0));
                }
            }
        }
    }

    @Test
    void formattedSqlWithRollbacks() throws IOException {
        write("changelog.sql", "--liquibase formatted sql\n\n"
                + "--changeset ann:1\n"
                + "CREATE TABLE orders (id bigint PRIMARY KEY, total numeric(10,2));\n"
                + "--rollback DROP TABLE orders;\n\n"
                + "--changeset ann:2\n"
                + "ALTER TABLE orders DROP COLUMN total;\n"
                + "--rollback not required\n\n"
                + "--changeset ann:3 dbms:mysql\n"
                + "ALTER TABLE orders ENGINE=InnoDB;\n");
        assertEquals(MigrationFormat.LIQUIBASE, new FormatDetector(new ScriptLoader()).probe(new DirectoryFiles(dir, dir)).orElseThrow());
        MigrationSet set = read(ChangeSetSelection.ALL);
        assertEquals(3, set.size());
        Migration first = set.migrations().get(0);
        List<ParsedStatement> up = first.preparedUp().resolve(new SqlScriptParser(), Dialect.POSTGRESQL);
        assertInstanceOf(Change.CreateTable.class, up.get(0).changes().get(0));
        assertEquals("changelog.sql", up.get(0).statement().file());
        assertEquals(4, up.get(0).statement().line());
        assertInstanceOf(Change.DropTable.class, changes(first, Dialect.POSTGRESQL, true).get(0));
        assertTrue(set.migrations().get(1).declaresNoDown());
        assertEquals(List.of(), set.migrations().get(2).preparedUp().resolve(new SqlScriptParser(), Dialect.POSTGRESQL));
    }

    @Test
    void unmappedChangeTypesAreReportedNotDropped() throws IOException {
        write("changelog.xml", XML_HEAD
                + "  <changeSet id=\"1\" author=\"ann\">\n"
                + "    <addLookupTable existingTableName=\"a\" existingColumnName=\"c\" newTableName=\"l\" newColumnName=\"c\"/>\n"
                + "  </changeSet>\n"
                + "  <changeSet id=\"release-1.0\" author=\"ann\">\n"
                + "    <tagDatabase tag=\"v1.0\"/>\n"
                + "  </changeSet>\n" + XML_TAIL);
        MigrationSet set = read(ChangeSetSelection.ALL);
        List<ParsedStatement> up = set.migrations().get(0).preparedUp().resolve(new SqlScriptParser(), Dialect.POSTGRESQL);
        assertFalse(up.get(0).isUnderstood());
        assertTrue(up.get(0).problem().contains("addLookupTable"), up.get(0).problem());
        assertEquals("changelog.xml::release-1.0::ann", set.releaseTags().get("v1.0"));
    }

    @Test
    void brokenChangelogIsBadInputNamingTheFile() throws IOException {
        write("changelog.xml", XML_HEAD + "  <changeSet id=\"1\" author=\"ann\">\n    <renameColumn tableName=\"t\"\n" + XML_TAIL);
        BadInputException e = assertThrows(BadInputException.class, () -> read(ChangeSetSelection.ALL));
        assertTrue(e.getMessage().startsWith("changelog.xml: Liquibase cannot read the changelog"), e.getMessage());
        assertTrue(e.getMessage().contains("line "), "names the line: " + e.getMessage());
        assertTrue(e.getMessage().length() < 500, e.getMessage());
    }
}
