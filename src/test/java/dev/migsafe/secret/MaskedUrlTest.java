package dev.migsafe.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "jdbc:postgresql://h/db?user=u&sslpassword=S3cretSsl&ssl=true | jdbc:postgresql://h/db?user=u&sslpassword=****&ssl=true",
            "jdbc:postgresql://h/db?PASSWORD=S3cretUp | jdbc:postgresql://h/db?PASSWORD=****",
            "jdbc:mysql://h/db?trustCertificateKeyStorePassword=S3cretTs&useSSL=true | jdbc:mysql://h/db?trustCertificateKeyStorePassword=****&useSSL=true",
            "jdbc:mysql://u:S3cret@h1:3306,h2:3306/db | jdbc:mysql://u:****@h1:3306,h2:3306/db",
            "jdbc:mysql://address=(host=h)(port=3306)(user=u)(password=S3cretAddr)/db | jdbc:mysql://address=(host=h)(port=3306)(user=u)(password=****)/db",
            "jdbc:mariadb://h/db?user=u&password=S3cret;x=1 | jdbc:mariadb://h/db?user=u&password=****;x=1",
            "jdbc:sqlserver://h;user=u;password=S3cretMs;databaseName=d | jdbc:sqlserver://h;user=u;password=****;databaseName=d",
            "postgresql://u:S3cret%40x@h:5432/db | postgresql://u:****@h:5432/db",
            "postgres://u:p@ss:S3cret@h/db | postgres://u:****@h/db",
            "jdbc:postgresql://h/db?user=u&apiToken=S3cretTok&access_key=S3cretAk | jdbc:postgresql://h/db?user=u&apiToken=****&access_key=****",
            "jdbc:postgresql://h/db?password= | jdbc:postgresql://h/db?password=",
    })
    void everySecretBearingPartIsMasked(String url, String masked) {
        MaskedUrl m = new MaskedUrl(url);
        assertEquals(masked, m.toString());
        assertFalse(m.toString().contains("S3cret"), m.toString());
        for (String secret : m.secrets()) {
            assertFalse(m.scrub("driver said: " + secret).contains(secret));
        }
    }
}
