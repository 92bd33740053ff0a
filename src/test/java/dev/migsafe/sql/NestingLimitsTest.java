package dev.migsafe.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migsafe.source.MigrationScript;

/** Input nested beyond any stack (generated views, recursive procedures) is a statement not understood, never a crash. */
class NestingLimitsTest {

    private static List<ParsedStatement> parse(String sql, Dialect dialect) {
        return new SqlScriptParser().parse(new MigrationScript("db/V1__x.sql", sql), dialect);
    }

    @Test
    void aViewOfEightThousandTermsIsNotUnderstoodAndTheNextStatementStillIs() {
        String view = "CREATE VIEW v AS SELECT " + String.join(" + ", Collections.nCopies(8000, "a")) + " AS s FROM t";
        List<ParsedStatement> parsed = parse(view + ";\nALTER TABLE t DROP COLUMN b;", Dialect.POSTGRESQL);

        assertEquals(2, parsed.size());
        assertFalse(parsed.get(0).isUnderstood());
        assertTrue(parsed.get(0).problem().contains("too deeply nested"), parsed.get(0).problem());
        assertTrue(parsed.get(1).isUnderstood(), "one statement must not end the analysis of the others");
    }

    @Test
    void proceduresCallingEachOtherAreNotFollowedForever() {
        List<ParsedStatement> parsed = parse("DELIMITER $$\n"
                + "CREATE PROCEDURE pa() BEGIN CALL pb(); END$$\n"
                + "CREATE PROCEDURE pb() BEGIN CALL pa(); END$$\n"
                + "DELIMITER ;\nCALL pa();\n", Dialect.MYSQL);

        ParsedStatement call = parsed.get(parsed.size() - 1);
        assertFalse(call.isUnderstood());
        assertTrue(call.problem().endsWith("recursive CALL pa -> pb -> pa is not followed"), call.problem());
    }
}
