package dev.migsafe.rules;

/** Receives the findings rules report. The analysis engine collects them and applies suppressions. */
@FunctionalInterface
public interface FindingSink {
    void accept(Finding finding);
}
