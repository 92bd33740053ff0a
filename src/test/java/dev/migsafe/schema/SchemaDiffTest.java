package dev.migsafe.schema;

import static dev.migsafe.schema.Changes.col;
import static dev.migsafe.schema.Changes.notNull;
import static dev.migsafe.schema.Changes.ref;
import static dev.migsafe.schema.Changes.replay;
import static dev.migsafe.schema.Changes.table;
import static dev.migsafe.schema.Changes.unique;
import static dev.migsafe.schema.Changes.view;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migsafe.change.Change;
import dev.migsafe.change.SqlType;

class SchemaDiffTest {

    private static Schema base() {
        return replay(table("users", col("id", "integer"), notNull("name", "text")),
                new Change.AddConstraint("users", unique(null, "name")),
                new Change.CreateIndex("users_name_idx", "users", List.of("name"), false, false, false),
                view("v", List.of("users.id"), ref("users", "id")),
                new Change.CreateSequence("s", false),
                new Change.CreateEnumType("mood", List.of("a", "b")),
                new Change.CreateFunction("f", "integer", false, false));
    }

    private static List<String> diffAfter(Change... changes) {
        Schema after = base();
        for (Change c : changes) {
            SchemaReplayer.apply(after, c);
        }
        return SchemaDiff.between(base(), after);
    }

    @Test
    void equalStructuresHaveNoDifferenceEvenWithOtherLineages() {
        assertEquals(List.of(), diffAfter());
        // drop and re-create a column identically: new lineage, same structure
        assertEquals(List.of(), diffAfter(new Change.DropColumn("users", "name", false),
                new Change.AddColumn("users", notNull("name", "text"), false),
                new Change.AddConstraint("users", unique(null, "name")),
                new Change.CreateIndex("users_name_idx", "users", List.of("name"), false, false, false)));
        // the same type spelled differently
        assertEquals(List.of(), diffAfter(new Change.AlterColumnType("users", "name", SqlType.of("varchar"), null)));
    }

    @Test
    void reportsColumnDifferences() {
        assertEquals(List.of("column users.email was not there before"),
                diffAfter(new Change.AddColumn("users", col("email", "text"), false)));
        assertEquals(List.of("column users.id has type bigint instead of integer"),
                diffAfter(new Change.AlterColumnType("users", "id", SqlType.of("bigint"), null)));
        assertEquals(List.of("column users.name is nullable instead of NOT NULL"),
                diffAfter(new Change.DropNotNull("users", "name")));
        assertEquals(List.of("column users.name has default 'x' instead of no default"),
                diffAfter(new Change.SetDefault("users", "name", "'x'", false)));
    }

    @Test
    void reportsObjectDifferences() {
        assertEquals(List.of("table t was not there before"), diffAfter(table("t", col("a", "integer"))));
        assertEquals(List.of("constraint UNIQUE (name) on users is missing"),
                diffAfter(new Change.DropConstraint("users", "users_name_key", false)));
        assertEquals(List.of("index users_name_idx is missing"),
                diffAfter(new Change.DropIndex("users_name_idx", null, false, false)));
        assertEquals(List.of("view v has columns [id, name] instead of [id]"),
                diffAfter(new Change.CreateView("v", List.of(), List.of(ref("users", "id"), ref("users", "name")),
                        List.of(), true, false)));
        assertEquals(List.of("sequence s is missing"), diffAfter(new Change.DropSequence("s", false)));
        assertEquals(List.of("type mood is enum [a, b, c] instead of enum [a, b]"),
                diffAfter(new Change.AddEnumValue("mood", "c", null, null, false)));
        assertEquals(List.of("function f(integer) is missing", "function f(text) was not there before"),
                diffAfter(new Change.DropFunction("f", "integer", false, false),
                        new Change.CreateFunction("f", "text", false, false)));
    }

    @Test
    void anEmptyPlaceholderIsNoDifference() {
        assertEquals(List.of(), diffAfter(new Change.AddColumn("ext", col("c", "text"), false),
                new Change.DropColumn("ext", "c", false)));
        assertEquals(List.of("table ext was not there before"),
                diffAfter(new Change.AddColumn("ext", col("c", "text"), false)));
    }
}
