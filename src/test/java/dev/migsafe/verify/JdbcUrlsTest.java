package dev.migsafe.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class JdbcUrlsTest {

    @Test
    void replacesTheDatabaseAndKeepsServerAndParameters() {
        assertEquals("jdbc:postgresql://db:5432/migsafe_1?user=u&ssl=true",
                JdbcUrls.withDatabase("jdbc:postgresql://db:5432/app?user=u&ssl=true", "migsafe_1"));
        assertEquals("jdbc:mysql://db/migsafe_1", JdbcUrls.withDatabase("jdbc:mysql://db", "migsafe_1"));
        assertEquals("jdbc:mariadb://a:3306,b:3306/migsafe_1", JdbcUrls.withDatabase("jdbc:mariadb://a:3306,b:3306/", "migsafe_1"));
        assertEquals("jdbc:postgresql:migsafe_1", JdbcUrls.withDatabase("jdbc:postgresql:app", "migsafe_1"));
    }

    @Test
    void writesTheDatabaseUrlFormThatFrameworksRead() {
        assertEquals("postgresql://app:p%40ss@localhost:5432/shop?ssl=false",
                JdbcUrls.databaseUrl("jdbc:postgresql://localhost:5432/shop?ssl=false", "app", "p@ss"));
        assertEquals("mysql://root@db:3306/test", JdbcUrls.databaseUrl("jdbc:mysql://db:3306/test", "root", ""));
    }
}
