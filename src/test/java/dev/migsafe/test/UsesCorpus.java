package dev.migsafe.test;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/** Reads the real migration histories of ../shared/corpus ({@link Corpus}). Slow tier: left out of the fast loop (-Pfast). */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Tag("corpus")
public @interface UsesCorpus {
}
