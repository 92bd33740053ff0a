package dev.migsafe.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Types;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import dev.migsafe.verify.SchemaSnapshot.ColumnShape;
import dev.migsafe.verify.SchemaSnapshot.ForeignKeyShape;
import dev.migsafe.verify.SchemaSnapshot.IndexShape;
import dev.migsafe.verify.SchemaSnapshot.TableShape;

class SnapshotDiffTest {

    static ColumnShape column(String name, String type, boolean nullable, String dflt) {
        return new ColumnShape(name, type, Types.VARCHAR, 0, 0, nullable, dflt, false, List.of());
    }

    static SchemaSnapshot schema(TableShape... tables) {
        Map<String, TableShape> byName = new TreeMap<>();
        for (TableShape t : tables) {
            byName.put(t.name(), t);
        }
        return new SchemaSnapshot(new TreeMap<>(byName), List.of());
    }

    @Test
    void sameSchemaHasNoDifferences() {
        TableShape users = new TableShape("users", List.of(column("id", "int4", false, null)), List.of("id"),
                List.of(new IndexShape("users_pkey", List.of("id"), true)), List.of());
        assertEquals(List.of(), SnapshotDiff.compare(schema(users), schema(users)));
    }

    @Test
    void namesEveryDifferenceInColumnsKeysIndexesAndTables() {
        TableShape before = new TableShape("users",
                List.of(column("id", "int4", false, null), column("name", "varchar(100)", false, "'x'"),
                        column("email", "text", true, null)),
                List.of("id"), List.of(new IndexShape("users_email_idx", List.of("email"), false)),
                List.of(new ForeignKeyShape("users_team_fk", List.of("id"), "teams", List.of("id"))));
        TableShape after = new TableShape("users",
                List.of(column("id", "int4", false, null), column("name", "text", true, null),
                        column("nick", "text", true, null)),
                List.of(), List.of(new IndexShape("users_email_idx", List.of("nick"), false)), List.of());
        TableShape extra = new TableShape("audit", List.of(), List.of(), List.of(), List.of());

        assertEquals(List.of(
                "table audit is left over (not in the older schema)",
                "column users.email is missing",
                "users.name: type varchar(100) -> text",
                "users.name: nullability NOT NULL -> NULL",
                "users.name: default 'x' -> none",
                "column users.nick is left over (not in the older schema)",
                "users: primary key [id] -> []",
                "index users_email_idx on users changed: IndexShape[name=users_email_idx, columns=[email], unique=false]"
                        + " -> IndexShape[name=users_email_idx, columns=[nick], unique=false]",
                "foreign key users_team_fk on users is missing"), SnapshotDiff.compare(schema(before), schema(after, extra)));
    }
}
