package dev.migsafe.test;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/** Runs against a real database server: an embedded PostgreSQL (migsafe's or {@link SharedPostgres}), the machine's PostgreSQL binaries or a JDBC server. Slow tier: left out of the fast loop (-Pfast). */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Tag("db")
public @interface UsesDatabase {
}
