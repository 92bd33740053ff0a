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
    void findsTheColumnADatabaseErrorNames() {
        assertEquals("email", ContractCheck.columnNamedIn(
                "ERROR: null value in column \"email\" of relation \"users\" violates not-null constraint"));
        assertEquals("name", ContractCheck.columnNamedIn("Unknown column 'name' in 'field list'"));
        assertEquals("nick", ContractCheck.columnNamedIn("Field 'nick' doesn't have a default value"));
        assertEquals(null, ContractCheck.columnNamedIn("ERROR: relation \"users\" does not exist"));
    }
}
