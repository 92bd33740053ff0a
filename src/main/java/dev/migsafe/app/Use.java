package dev.migsafe.app;

/**
 * One use of the schema by the older release's code.
 *
 * @param table  the table (or view, sequence) as the database names it, lower-cased
 * @param column the column, lower-cased; null for a use of the table as a whole; {@code *} for every column
 * @param kind   entity | native-query | mybatis | sql-string | jooq
 * @param writes the use writes the table (an entity, an INSERT/UPDATE/DELETE/MERGE)
 * @param text   what the code says there, on one line (the annotation, the SQL)
 */
public record Use(String table, String column, String kind, String file, int line, String text, boolean writes) {
    public static final String ENTITY = "entity";
    public static final String NATIVE_QUERY = "native-query";
    public static final String MYBATIS = "mybatis";
    public static final String SQL_STRING = "sql-string";
    public static final String JOOQ = "jooq";
}
