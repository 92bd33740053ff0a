package dev.migsafe.verify;

/** Small edits of JDBC URLs of the jdbc:postgresql://, jdbc:mysql:// and jdbc:mariadb:// forms. */
final class JdbcUrls {

    private JdbcUrls() {
    }

    /** The same server and parameters, another database. */
    static String withDatabase(String url, String database) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        String params = query < 0 ? "" : url.substring(query);
        int authority = base.indexOf("//");
        if (authority < 0) {
            // jdbc:postgresql:dbname
            return base.substring(0, base.indexOf(':', 5) + 1) + database + params;
        }
        int path = base.indexOf('/', authority + 2);
        String server = path < 0 ? base : base.substring(0, path);
        return server + "/" + database + params;
    }

    static String withParameter(String url, String name, String value) {
        return url + (url.contains("?") ? "&" : "?") + name + "=" + value;
    }

    /**
     * The URL in the scheme://user:password@host/db form that DATABASE_URL readers (Rails, Django,
     * Node) expect.
     */
    static String databaseUrl(String jdbcUrl, String user, String password) {
        String url = jdbcUrl.startsWith("jdbc:") ? jdbcUrl.substring(5) : jdbcUrl;
        int authority = url.indexOf("//");
        if (authority < 0 || user == null || user.isEmpty()) {
            return url;
        }
        String credentials = encode(user) + (password == null || password.isEmpty() ? "" : ":" + encode(password)) + "@";
        return url.substring(0, authority + 2) + credentials + url.substring(authority + 2);
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
