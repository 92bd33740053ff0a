package dev.migsafe.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** A fingerprint ignores layout (case, blanks) but not what the statement, rule, file or object is. */
class FingerprintTest {
    private static final String SQL = "ALTER TABLE customers RENAME COLUMN name TO full_name";

    @Test
    void layoutDoesNotMatter() {
        assertEquals(Fingerprint.of("BC102", "V6.sql", "customers.name", SQL),
                Fingerprint.of("BC102", "V6.sql", "customers.name", "alter table  customers\n  rename column name to full_name"));
        assertEquals(Fingerprint.of("BC109", "V7.sql", "t", "ALTER TABLE t ADD CONSTRAINT u UNIQUE (a, b)"),
                Fingerprint.of("BC109", "V7.sql", "t", "ALTER TABLE t ADD CONSTRAINT u UNIQUE(a,b)"));
    }

    @Test
    void contentDoes() {
        String base = Fingerprint.of("BC102", "V6.sql", "customers.name", SQL);
        assertNotEquals(base, Fingerprint.of("BC104", "V6.sql", "customers.name", SQL));
        assertNotEquals(base, Fingerprint.of("BC102", "V7.sql", "customers.name", SQL));
        assertNotEquals(base, Fingerprint.of("BC102", "V6.sql", "customers.email", SQL));
        assertNotEquals(base, Fingerprint.of("BC102", "V6.sql", "customers.name", SQL.replace("full_name", "display_name")));
        assertEquals(32, base.length());
    }
}
