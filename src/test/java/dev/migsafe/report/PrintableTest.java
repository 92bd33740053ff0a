package dev.migsafe.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class PrintableTest {

    @Test
    void lineBreaksAndTerminalControlsAreShownEscaped() {
        assertEquals("V2__x\\n::error file=a::pwned.sql", Printable.escape("V2__x\n::error file=a::pwned.sql"));
        assertEquals("a\\rb\\u001b[31mc\\u0085d\\u2028e\\u202ef", Printable.escape("a\rb\u001b[31mc\u0085d\u2028e\u202ef"));
        assertEquals("tab\tkept", Printable.escape("tab\tkept"));
    }

    @Test
    void ordinaryTextIsReturnedAsItIs() {
        String plain = "ALTER TABLE \"Kunden\" RENAME COLUMN straße TO strasse -- é 字";
        assertSame(plain, Printable.escape(plain));
        assertNull(Printable.escape(null));
    }
}
