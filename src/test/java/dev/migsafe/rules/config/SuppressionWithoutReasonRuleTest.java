package dev.migsafe.rules.config;

import org.junit.jupiter.api.Test;

import dev.migsafe.rules.RuleTester;

/** CF701 suppression-without-reason through the real pipeline. */
class SuppressionWithoutReasonRuleTest {
    @Test
    void suppressionWithAReasonSilencesAndWithoutOneIsReported() {
        RuleTester.postgres().only("BC104", "CF701")
                .released("CREATE TABLE users (id int, a text, b text);")
                .deploy("-- migsafe:ignore BC104 column unused since v1.1\n"
                        + "ALTER TABLE users DROP COLUMN a;\n"
                        + "/* expect: CF701 */ -- migsafe:ignore BC104\n"
                        + "ALTER TABLE users DROP COLUMN b; -- expect: BC104")
                .check();
    }
}
