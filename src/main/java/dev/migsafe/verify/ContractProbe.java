package dev.migsafe.verify;

/**
 * One thing the older release could do that the database refused.
 *
 * @param table     the older release's table
 * @param column    the column at fault when known, else null
 * @param operation SELECT, INSERT, UPDATE or DELETE
 * @param error     the database's message
 */
record ContractProbe(String table, String column, String operation, String error) {

    /** Same table, column and operation: the same failure, whatever the message says. */
    String key() {
        return table + "|" + column + "|" + operation;
    }

    String subject() {
        return column == null ? table : table + "." + column;
    }
}
