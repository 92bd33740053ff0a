package dev.migsafe.source.liquibase;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migsafe.source.DirectoryFiles;
import dev.migsafe.source.Migration;
import dev.migsafe.source.ScriptLoader;
import dev.migsafe.sql.TransactionMode;

/** A changeSet's runInTransaction reaches the script, for the lock rules. */
class RunInTransactionTest {
    @TempDir
    Path dir;

    @Test
    void runInTransactionFalseMeansNoTransaction() throws IOException {
        Files.writeString(dir.resolve("changelog.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
                  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                  xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-4.20.xsd">
                  <changeSet id="1" author="a"><sql>CREATE TABLE t (c int)</sql></changeSet>
                  <changeSet id="2" author="a" runInTransaction="false">
                    <sql>CREATE INDEX CONCURRENTLY t_c ON t (c)</sql>
                  </changeSet>
                </databaseChangeLog>
                """);
        List<Migration> m = new LiquibaseReader(new ScriptLoader(), new ChangeSetSelection(null, null), null)
                .read(new DirectoryFiles(dir, dir)).migrations();
        assertEquals(TransactionMode.RUNNER_DEFAULT, m.get(0).up().transaction());
        assertEquals(TransactionMode.NO_TRANSACTION, m.get(1).up().transaction());
    }
}
