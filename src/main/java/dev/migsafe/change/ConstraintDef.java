package dev.migsafe.change;

import java.util.List;

/**
 * A table constraint.
 *
 * @param name       normalised name, or null when the statement gave none
 * @param kind       what it restricts
 * @param columns    the constrained columns (for CHECK: the columns the expression mentions, may be empty)
 * @param refTable   for FOREIGN KEY: the referenced table
 * @param refColumns for FOREIGN KEY: the referenced columns
 * @param expression for CHECK/EXCLUDE: the expression text
 * @param notValid   PostgreSQL NOT VALID (existing rows are not checked yet)
 * @param usingIndex PostgreSQL {@code USING INDEX name}, or null
 */
public record ConstraintDef(String name, Kind kind, List<String> columns, String refTable, List<String> refColumns,
                            String expression, boolean notValid, String usingIndex) {

    public enum Kind { PRIMARY_KEY, UNIQUE, CHECK, FOREIGN_KEY, EXCLUDE }
}
