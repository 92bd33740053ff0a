package dev.migsafe.change;

/**
 * One output column of a view's SELECT.
 *
 * @param name         output name (alias or column name); "*" for a star item, expanded at replay
 * @param sourceTable  normalised table (or view) the value comes from when it is a plain column
 *                     reference (or the table of {@code t.*}), else null
 * @param sourceColumn the column it reads when it is a plain column reference, else null
 */
public record ViewColumn(String name, String sourceTable, String sourceColumn) {
    public boolean isStar() {
        return "*".equals(name);
    }
}
