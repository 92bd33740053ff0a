package dev.migsafe.verify;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * A statement the older release's code runs (a SQL string of its code, or the shape of what its
 * entity mappings make Hibernate run), with where the code says so. The verification runs each one in
 * a transaction rolled back, parameters bound to NULL, on the older schema and on the new one: what
 * fails only on the new one is the range's doing, and names the code that breaks.
 *
 * @param where  "src/main/java/shop/Customer.java:14 @Column(name = \"name\")"
 * @param sql    the statement, {@code ?} for parameters
 * @param table  the table it is about when known (an entity's column), else null: to name the migration at fault
 * @param column the column it is about when known, else null
 */
public record CodeProbe(String where, String sql, String table, String column) {

    /** A statement of the code, about whatever it names. */
    public CodeProbe(String where, String sql) {
        this(where, sql, null, null);
    }

    /** The probes the database refused, each "where: sql fails: error". */
    static List<Failure> run(Connection c, List<CodeProbe> probes) throws SQLException {
        List<Failure> failures = new ArrayList<>();
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            for (CodeProbe p : probes) {
                try (PreparedStatement st = c.prepareStatement(p.sql())) {
                    st.setQueryTimeout(5);
                    int params = st.getParameterMetaData().getParameterCount();
                    for (int i = 1; i <= params; i++) {
                        st.setNull(i, Types.NULL);
                    }
                    st.execute();
                } catch (SQLException e) {
                    failures.add(new Failure(p, Errors.message(e)));
                } finally {
                    c.rollback();
                }
            }
        } finally {
            c.rollback();
            c.setAutoCommit(auto);
        }
        return failures;
    }

    /** A probe and the database's message. */
    record Failure(CodeProbe probe, String error) {
        String key() {
            return probe.where() + "|" + probe.sql();
        }
    }
}
