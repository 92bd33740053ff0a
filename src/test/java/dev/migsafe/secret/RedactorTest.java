package dev.migsafe.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

class RedactorTest {

    @Test
    void masksUrlSecretsGivenPasswordsAndSecretLookingEnvironment() {
        Redactor r = new Redactor()
                .withUrl("jdbc:postgresql://app:UrlPass1@db/shop")
                .withSecret("GivenPass2")
                .withSecretEnvironment(Map.of(
                        "GITHUB_TOKEN", "ghp_abcdefghijklmnop",
                        "AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG",
                        "HOME", "/home/runner/work",
                        "CI_JOB_TOKEN", "short"));
        String output = "env: GITHUB_TOKEN=ghp_abcdefghijklmnop AWS=wJalrXUtnFEMI/K7MDENG HOME=/home/runner/work "
                + "url=jdbc:postgresql://app:UrlPass1@db/shop pw=GivenPass2 job=short";
        assertEquals("env: GITHUB_TOKEN=**** AWS=**** HOME=/home/runner/work url=jdbc:postgresql://app:****@db/shop "
                + "pw=**** job=short", r.scrub(output));
    }

    @Test
    void aSecretContainingAnotherIsMaskedWhole() {
        Redactor r = new Redactor().withSecret("abcd").withSecret("xxabcdxx");
        assertEquals("**** and ****", r.scrub("xxabcdxx and abcd"));
    }

    @Test
    void nothingToMaskLeavesTextAlone() {
        assertEquals("plain", new Redactor().withSecret(null).withSecret("  ").scrub("plain"));
    }
}
