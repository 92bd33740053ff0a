package dev.migsafe.plan.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class MaskedUrlTest {

    @Test
    void passwordParameterIsMasked() {
        MaskedUrl url = new MaskedUrl("jdbc:postgresql://db:5432/shop?user=ro&password=s%40cret&ssl=true");
        assertEquals("jdbc:postgresql://db:5432/shop?user=ro&password=****&ssl=true", url.toString());
        assertEquals("FATAL: bad **** and ****", url.scrub("FATAL: bad s@cret and s%40cret"));
        assertEquals("postgresql://ro@db:5432/shop", url.clientTarget());
    }

    @Test
    void userInfoPasswordIsMasked() {
        MaskedUrl url = new MaskedUrl("jdbc:mysql://app:hunter2@db:3306/inventory?useSSL=false");
        assertEquals("jdbc:mysql://app:****@db:3306/inventory?useSSL=false", url.toString());
        assertFalse(url.scrub("Access denied (using password: hunter2)").contains("hunter2"));
        assertEquals("inventory", url.clientTarget());
    }

    @Test
    void urlWithoutPasswordIsUnchanged() {
        MaskedUrl url = new MaskedUrl("jdbc:postgresql://localhost/shop");
        assertEquals("jdbc:postgresql://localhost/shop", url.toString());
        assertEquals("message", url.scrub("message"));
        assertEquals("postgresql://localhost/shop", url.clientTarget());
        assertNull(new MaskedUrl("jdbc:sqlserver://x;databaseName=y").clientTarget());
    }
}
