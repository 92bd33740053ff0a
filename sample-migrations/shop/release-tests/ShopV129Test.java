import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The database tests of the shop application at release v1.2.9, reduced to what they ask of the
 * schema: the queries the v1.2.9 code runs. A self-contained program so that the sample needs no
 * build tool: migsafe runs it with `--old-tests` against the new schema, with the database in
 * MIGSAFE_JDBC_URL / MIGSAFE_DB_USER / MIGSAFE_DB_PASSWORD, and reads the JUnit XML it writes to
 * target/surefire-reports/, as it would read a Maven build's.
 *
 *   java -cp "$MIGSAFE_CLASSPATH" release-tests/ShopV129Test.java
 */
public class ShopV129Test {

    interface Check {
        void run(Connection c) throws SQLException;
    }

    record Result(String name, String failure, long millis) {
    }

    public static void main(String[] args) throws Exception {
        String url = System.getenv("MIGSAFE_JDBC_URL");
        if (url == null) {
            System.err.println("MIGSAFE_JDBC_URL is not set: run me through migsafe --old-tests");
            System.exit(2);
        }
        List<Result> results = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, System.getenv("MIGSAFE_DB_USER"),
                System.getenv("MIGSAFE_DB_PASSWORD"))) {
            c.setAutoCommit(false);
            results.add(test(c, "registersACustomer", ShopV129Test::registersACustomer));
            results.add(test(c, "findsACustomerByEmail", ShopV129Test::findsACustomerByEmail));
            results.add(test(c, "placesAnOrder", ShopV129Test::placesAnOrder));
            results.add(test(c, "listsOrdersWithTheirTotal", ShopV129Test::listsOrdersWithTheirTotal));
        }
        writeReport(results);
        long failed = results.stream().filter(r -> r.failure() != null).count();
        System.out.println(results.size() + " tests, " + failed + " failed");
        System.exit(failed == 0 ? 0 : 1);
    }

    static void registersACustomer(Connection c) throws SQLException {
        customer(c, "ada@example.com", "Ada Lovelace");
    }

    static void findsACustomerByEmail(Connection c) throws SQLException {
        customer(c, "grace@example.com", "Grace Hopper");
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, email, name, phone, created_at FROM customers WHERE email = ?")) {
            ps.setString(1, "grace@example.com");
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || !"Grace Hopper".equals(rs.getString("name"))) {
                    throw new AssertionError("customer grace@example.com not found by email");
                }
            }
        }
    }

    static void placesAnOrder(Connection c) throws SQLException {
        long customer = customer(c, "alan@example.com", "Alan Turing");
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO orders (customer_id, status, total_cents) VALUES (?, 'new', ?)")) {
            ps.setLong(1, customer);
            ps.setInt(2, 4200);
            ps.executeUpdate();
        }
    }

    static void listsOrdersWithTheirTotal(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT o.id, o.status, o.total_cents, c.email FROM orders o JOIN customers c ON c.id = o.customer_id"
                        + " ORDER BY o.created_at DESC LIMIT 20");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rs.getInt("total_cents");
            }
        }
    }

    static long customer(Connection c, String email, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO customers (email, name) VALUES (?, ?) RETURNING id")) {
            ps.setString(1, email);
            ps.setString(2, name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Each test in its own transaction, rolled back: the tests leave the database as they found it. */
    static Result test(Connection c, String name, Check check) throws SQLException {
        long start = System.nanoTime();
        String failure = null;
        try {
            check.run(c);
        } catch (SQLException | AssertionError e) {
            failure = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
        } finally {
            c.rollback();
        }
        return new Result(name, failure, (System.nanoTime() - start) / 1_000_000);
    }

    static void writeReport(List<Result> results) throws Exception {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        long failures = results.stream().filter(r -> r.failure() != null).count();
        xml.append("<testsuite name=\"ShopV129Test\" tests=\"").append(results.size())
                .append("\" failures=\"").append(failures).append("\" errors=\"0\" skipped=\"0\">\n");
        for (Result r : results) {
            xml.append("  <testcase classname=\"ShopV129Test\" name=\"").append(r.name())
                    .append("\" time=\"").append(r.millis() / 1000.0).append('"');
            if (r.failure() == null) {
                xml.append("/>\n");
            } else {
                xml.append(">\n    <failure message=\"").append(escape(r.failure())).append("\"/>\n  </testcase>\n");
            }
        }
        xml.append("</testsuite>\n");
        Path dir = Path.of("target", "surefire-reports");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("TEST-ShopV129Test.xml"), xml);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
    }
}
