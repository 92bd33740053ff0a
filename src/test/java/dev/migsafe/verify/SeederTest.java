package dev.migsafe.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.sql.Types;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migsafe.verify.SchemaSnapshot.ColumnShape;
import dev.migsafe.verify.SchemaSnapshot.ForeignKeyShape;
import dev.migsafe.verify.SchemaSnapshot.TableShape;

class SeederTest {

    private static TableShape table(String name, ForeignKeyShape... fks) {
        return new TableShape(name, List.of(), List.of(), List.of(), List.of(fks));
    }

    private static ForeignKeyShape fk(String to) {
        return new ForeignKeyShape("fk_" + to, List.of(to + "_id"), to, List.of("id"));
    }

    @Test
    void referencedTablesComeFirstAndCyclesDoNotStopTheOrder() {
        SchemaSnapshot schema = SnapshotDiffTest.schema(
                table("a_lines", fk("orders"), fk("products")),
                table("orders", fk("users")),
                table("products"),
                table("users", fk("users")),
                table("x", fk("y")),
                table("y", fk("x")));
        assertEquals(List.of("products", "users", "orders", "a_lines", "x", "y"),
                Seeder.parentsFirst(schema, RangeExpectations.NONE).stream().map(TableShape::name).toList());
    }

    @Test
    void valuesFitLengthsPrecisionAndEnums() {
        ColumnShape code = new ColumnShape("country_code", "bpchar(2)", Types.CHAR, 2, 0, false, null, false, List.of());
        ColumnShape rate = new ColumnShape("rate", "numeric(2,2)", Types.NUMERIC, 2, 2, false, null, false, List.of());
        ColumnShape price = new ColumnShape("price", "numeric(10,2)", Types.NUMERIC, 10, 2, false, null, false, List.of());
        ColumnShape status = new ColumnShape("status", "order_status", Types.VARCHAR, 0, 0, false, null, false,
                List.of("new", "paid"));
        assertEquals("1", ValueGenerator.value(code, 1));
        assertEquals(new BigDecimal("0.02"), ValueGenerator.value(rate, 1));
        assertEquals(new BigDecimal("2.00"), ValueGenerator.value(price, 1));
        assertEquals("new", ValueGenerator.value(status, 2));
    }

    @Test
    void edgeValuesSitAtTheLimitsOfEachType() {
        ColumnShape price = new ColumnShape("price", "numeric(10,2)", Types.NUMERIC, 10, 2, false, null, false, List.of());
        ColumnShape title = new ColumnShape("title", "varchar(255)", Types.VARCHAR, 255, 0, false, null, false, List.of());
        ColumnShape qty = new ColumnShape("qty", "int4", Types.INTEGER, 10, 0, false, null, false, List.of());
        ColumnShape id = new ColumnShape("id", "BIGINT UNSIGNED", Types.BIGINT, 20, 0, false, null, false, List.of());
        ColumnShape born = new ColumnShape("born", "date", Types.DATE, 10, 0, false, null, false, List.of());
        ColumnShape seen = new ColumnShape("seen", "DATETIME", Types.TIMESTAMP, 26, 6, false, null, false, List.of());
        ColumnShape stamp = new ColumnShape("stamp", "timestamp", Types.TIMESTAMP, 26, 6, false, null, false, List.of());
        ColumnShape doc = new ColumnShape("doc", "json", Types.VARCHAR, 0, 0, false, null, false, List.of());
        ColumnShape status = new ColumnShape("status", "item_status", Types.VARCHAR, 0, 0, false, null, false,
                List.of("active", "retired"));
        assertEquals(new BigDecimal("99999999.99"), ValueGenerator.edge(price));
        String longest = (String) ValueGenerator.edge(title);
        assertEquals(255, longest.length());
        assertEquals('\u00c4', longest.charAt(0), "non-ASCII text");
        assertEquals((long) Integer.MIN_VALUE, ValueGenerator.edge(qty));
        assertEquals(new BigDecimal("18446744073709551615"), ValueGenerator.edge(id));
        assertEquals("9999-12-31", ValueGenerator.edge(born));
        assertEquals("9999-12-31 23:59:59.123456", ValueGenerator.edge(seen));
        assertEquals("2038-01-18 23:59:59.123456", ValueGenerator.edge(stamp), "MySQL's TIMESTAMP ends in 2038");
        assertEquals(null, ValueGenerator.edge(doc), "json has no telling edge");
        assertEquals("retired", ValueGenerator.edge(status));
    }

    @Test
    void seedStepTellsWhichColumnsGotTheirEdgeValue() {
        String details = "inserted 9 row(s) into 2 table(s)" + SeedEdges.describe(1, List.of("items.price", "items.title"),
                List.of("items.qty", "tags.name")) + "; could not seed tags: boom";
        java.util.Optional<Step> seed = java.util.Optional.of(Step.passed(Verifier.SEED, 1, details));
        assertEquals(true, SeedEdges.covered(seed, "items.price"));
        assertEquals(true, SeedEdges.covered(seed, "items.title"));
        assertEquals(false, SeedEdges.covered(seed, "items.qty"));
        assertEquals(false, SeedEdges.covered(seed, "tags.name"));
        assertEquals(false, SeedEdges.covered(seed, "items.sku"), "not retyped by the range");
        assertEquals(false, SeedEdges.covered(java.util.Optional.of(Step.passed(Verifier.SEED, 1, "inserted 3 row(s)"
                + " into 1 table(s)")), "items.price"), "no edge rows: nothing covered");
    }

    @Test
    void findsTheColumnADatabaseErrorNames() {
        assertEquals("email", ContractCheck.columnNamedIn(
                "ERROR: null value in column \"email\" of relation \"users\" violates not-null constraint"));
        assertEquals("name", ContractCheck.columnNamedIn("Unknown column 'name' in 'field list'"));
        assertEquals("nick", ContractCheck.columnNamedIn("Field 'nick' doesn't have a default value"));
        assertEquals(null, ContractCheck.columnNamedIn("ERROR: relation \"users\" does not exist"));
    }
}
