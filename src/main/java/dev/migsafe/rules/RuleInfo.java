package dev.migsafe.rules;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.migsafe.dialect.Dialect;

/** Metadata of a rule, on the rule's class. Its documentation page is {@code rules/<id>.md}. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RuleInfo {
    /** Stable ID, e.g. BC102. Never reused. */
    String id();

    /** kebab-case name, e.g. rename-column. */
    String name();

    Category category();

    Severity severity();

    /** One sentence: what the rule flags. */
    String summary();

    /** One sentence: the safe alternative. Reported as a finding's {@code fix}. */
    String fix();

    /** The dialects the rule applies to; the engine runs it on no other. */
    Dialect[] dialects() default {Dialect.POSTGRESQL, Dialect.MYSQL};

    /** The scripts whose changes {@link Rule#onChange} sees; the engine shows it no other. */
    ChangeContext.Script[] scripts() default ChangeContext.Script.UP;
}
