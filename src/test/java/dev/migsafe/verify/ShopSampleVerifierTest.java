package dev.migsafe.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import dev.migsafe.dialect.Dialect;
import org.junit.jupiter.api.Test;

import dev.migsafe.source.Migration;
import dev.migsafe.source.MigrationSources;
import dev.migsafe.dialect.Dialect;
import dev.migsafe.test.UsesDatabase;

/** The shop sample, read by the source stage, verified on embedded PostgreSQL. */
@UsesDatabase
class ShopSampleVerifierTest {

    static final Path SHOP = Path.of("sample-migrations/shop");

    /** The shop's migrations with ids in [from, to], in order. */
    static List<Migration> shop(int from, int to) {
        return new MigrationSources().readProject(SHOP, Dialect.POSTGRESQL).migrations().stream()
                .filter(m -> Integer.parseInt(m.id()) >= from && Integer.parseInt(m.id()) <= to)
                .toList();
    }

    private static Verification verify(List<Migration> older, List<Migration> range) {
        return new Verifier().run(new VerifyRequest(Dialect.POSTGRESQL, older, range, "embedded",
                VerifySettings.defaults()), ProgressListener.NONE);
    }

    @Test
    void v130RenamesCustomersNameAndBreaksV129() {
        Verification v = verify(shop(1, 5), shop(6, 6));

        Step contract = VerifierScenarios.step(v, Verifier.CONTRACT);
        assertEquals(Step.Status.FAILED, contract.status(), VerificationText.render(v));
        assertTrue(contract.failures().get(0).startsWith("customers.name: SELECT fails"), contract.failures().toString());
        assertTrue(contract.failures().get(0).contains("caused by migration 6 (db/migration/V6__rename_customer_name.sql"),
                contract.failures().toString());
        assertEquals(Step.Status.PASSED, VerifierScenarios.step(v, Verifier.REHEARSAL).status(), VerificationText.render(v));
    }

    @Test
    void v131ExpandContractKeepsV130Working() {
        Verification v = verify(shop(1, 6), shop(7, 8));

        assertFalse(v.failed(), VerificationText.render(v));
        assertEquals(Step.Status.PASSED, VerifierScenarios.step(v, Verifier.CONTRACT).status());
        assertEquals(Step.Status.PASSED, VerifierScenarios.step(v, Verifier.REHEARSAL).status());
    }
}
