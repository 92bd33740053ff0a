package dev.migsafe.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.BinaryExpr;

/**
 * The SQL the older release's Java code carries: Spring Data {@code @Query(nativeQuery = true)} and
 * {@code @NamedNativeQuery}, MyBatis {@code @Select/@Insert/@Update/@Delete}, and the first string
 * argument of the JdbcTemplate, JDBI, JPA and plain JDBC methods that take SQL (constants folded).
 * SQL built at run time is {@link Unresolved}.
 */
final class CodeSql {
    /** Methods whose first string argument is SQL (JdbcTemplate, NamedParameterJdbcTemplate, JDBI, JDBC, JPA). */
    static final Set<String> SQL_METHODS = Set.of("query", "queryForObject", "queryForList", "queryForMap",
            "queryForRowSet", "queryForStream", "queryForLong", "queryForInt", "update", "batchUpdate", "execute",
            "prepareStatement", "prepareCall", "executeQuery", "executeUpdate", "executeLargeUpdate", "addBatch",
            "createQuery", "createUpdate", "createCall", "createScript", "createNativeQuery", "select", "sql");
    /** Methods that take SQL and nothing else: a non-constant argument there is run-time SQL. */
    private static final Set<String> ONLY_SQL = Set.of("prepareStatement", "prepareCall", "executeQuery",
            "executeUpdate", "executeLargeUpdate", "addBatch", "createNativeQuery", "queryForList", "queryForObject",
            "queryForMap", "queryForRowSet", "batchUpdate");
    private static final Set<String> MYBATIS = Set.of("Select", "Insert", "Update", "Delete");

    /** A SQL text found in code, before it is read. */
    record Text(String file, int line, String kind, String sql) {
    }

    private final JavaCode code;
    private final List<Text> texts = new ArrayList<>();
    private final List<Unresolved> unresolved = new ArrayList<>();

    CodeSql(JavaCode code) {
        this.code = code;
    }

    List<Text> texts() {
        return texts;
    }

    List<Unresolved> unresolved() {
        return unresolved;
    }

    void read() {
        for (JavaCode.Type t : code.types()) {
            TypeDeclaration<?> d = t.declaration();
            for (String named : List.of("NamedNativeQuery", "NamedNativeQueries")) {
                JavaCode.annotation(d, named).ifPresent(a -> namedNative(t, a));
            }
            if (d.getParentNode().filter(p -> p instanceof TypeDeclaration).isPresent()) {
                continue; // a nested type's members are walked with its own declaration below
            }
            for (MethodDeclaration m : d.findAll(MethodDeclaration.class)) {
                for (AnnotationExpr a : m.getAnnotations()) {
                    annotated(t, a);
                }
            }
            for (MethodCallExpr call : d.findAll(MethodCallExpr.class)) {
                call(t, call);
            }
        }
    }

    private void namedNative(JavaCode.Type t, AnnotationExpr a) {
        if (JavaCode.simpleName(a).equals("NamedNativeQueries")) {
            JavaCode.attribute(a, "value").ifPresent(v -> JavaCode.elements(v).stream()
                    .filter(AnnotationExpr.class::isInstance).map(AnnotationExpr.class::cast).forEach(n -> namedNative(t, n)));
            return;
        }
        found(t, a, Use.NATIVE_QUERY, JavaCode.attribute(a, "query"));
    }

    private void annotated(JavaCode.Type t, AnnotationExpr a) {
        String name = JavaCode.simpleName(a);
        if (name.equals("Query")) {
            boolean nativeQuery = JavaCode.attribute(a, "nativeQuery")
                    .map(e -> e instanceof BooleanLiteralExpr b && b.getValue()).orElse(false);
            if (nativeQuery) {
                found(t, a, Use.NATIVE_QUERY, JavaCode.attribute(a, "value"));
            } else if (isSpringDataJdbcQuery(a)) {
                found(t, a, Use.NATIVE_QUERY, JavaCode.attribute(a, "value")); // Spring Data JDBC's @Query is SQL
            }
        } else if (MYBATIS.contains(name) && a.getNameAsString().contains("ibatis") || MYBATIS.contains(name)
                && importsMyBatis(a)) {
            found(t, a, Use.MYBATIS, JavaCode.attribute(a, "value"));
        } else if (name.equals("SqlQuery") || name.equals("SqlUpdate") || name.equals("SqlBatch")) { // JDBI SQL objects
            found(t, a, Use.SQL_STRING, JavaCode.attribute(a, "value"));
        }
    }

    private static boolean importsMyBatis(AnnotationExpr a) {
        return a.findCompilationUnit().map(cu -> cu.getImports().stream()
                .anyMatch(i -> i.getNameAsString().startsWith("org.apache.ibatis"))).orElse(false);
    }

    private static boolean isSpringDataJdbcQuery(AnnotationExpr a) {
        return a.findCompilationUnit().map(cu -> cu.getImports().stream()
                .anyMatch(i -> i.getNameAsString().startsWith("org.springframework.data.jdbc"))).orElse(false);
    }

    private void found(JavaCode.Type t, AnnotationExpr a, String kind, Optional<Expression> value) {
        if (value.isEmpty()) {
            return;
        }
        Optional<String> sql = code.fold(value.get(), a);
        if (sql.isPresent()) {
            texts.add(new Text(t.file(), JavaCode.line(a), kind, sql.get()));
        } else {
            unresolved.add(new Unresolved(t.file(), JavaCode.line(a), kind, oneLine(JavaCode.literalParts(value.get())),
                    "not a constant: built from names this reader cannot resolve"));
        }
    }

    private void call(JavaCode.Type t, MethodCallExpr call) {
        if (!SQL_METHODS.contains(call.getNameAsString()) || call.getArguments().isEmpty()) {
            return;
        }
        Expression first = call.getArgument(0);
        Optional<String> sql = code.fold(first, call);
        if (sql.isPresent()) {
            if (looksLikeSql(sql.get())) {
                texts.add(new Text(t.file(), JavaCode.line(call), Use.SQL_STRING, sql.get()));
            }
            return;
        }
        String parts = JavaCode.literalParts(first);
        // a SQL-only method, or a non-constant text whose known part starts like SQL
        if (ONLY_SQL.contains(call.getNameAsString())
                || looksLikeSql(parts) && (first instanceof BinaryExpr || first instanceof MethodCallExpr)) {
            unresolved.add(new Unresolved(t.file(), JavaCode.line(call), Use.SQL_STRING, oneLine(parts),
                    "SQL built at run time (" + call.getNameAsString() + "(" + oneLine(first.toString()) + ", ...))"));
        }
    }

    static boolean looksLikeSql(String text) {
        String s = text.stripLeading().toUpperCase(Locale.ROOT);
        for (String start : List.of("SELECT ", "SELECT\n", "INSERT ", "UPDATE ", "DELETE ", "WITH ", "MERGE ", "CALL ",
                "UPSERT ", "REPLACE ", "TRUNCATE ", "CREATE ", "ALTER ", "DROP ", "(SELECT")) {
            if (s.startsWith(start)) {
                return true;
            }
        }
        return false;
    }

    static String oneLine(String s) {
        String one = s.replaceAll("\\s+", " ").trim();
        return one.length() > 200 ? one.substring(0, 197) + "..." : one;
    }
}
