package dev.migsafe.app;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;

/**
 * The older release's Java sources as JavaParser syntax trees, with what the extractors share: the
 * types by simple name, annotation attributes, and string constants folded ({@code "a" + B.C}).
 */
final class JavaCode {
    /** How deep constant folding follows names (a constant made of constants ...). */
    private static final int MAX_FOLD_DEPTH = 8;

    /** A parsed type and the file it is in (as reports show it). */
    record Type(TypeDeclaration<?> declaration, String file) {
        String name() {
            return declaration.getNameAsString();
        }
    }

    /** A parser per thread: files are parsed in parallel, and a JavaParser is not thread-safe. */
    private static final ThreadLocal<JavaParser> PARSER = ThreadLocal.withInitial(() -> new JavaParser(
            new ParserConfiguration()
                    .setLanguageLevel(ParserConfiguration.LanguageLevel.RAW) // read, not compiled: no validators
                    .setAttributeComments(false)));
    private final List<Type> types = new ArrayList<>();
    private final Map<String, List<Type>> bySimpleName = new HashMap<>();
    /** "Class.NAME" and, per class, "NAME" -> the initializer of a String constant */
    private final Map<String, Expression> constants = new HashMap<>();

    /**
     * Words without which a file holds no mapping, no SQL and no constant that one could fold in:
     * mapping and query annotations, jOOQ tables, String constants (a call of a SQL method is the rest).
     */
    private static final List<String> DATABASE_WORDS = List.of("Entity", "Embeddable", "MappedSuperclass", "Table",
            "Query", "Queries", "Select", "Insert", "Update", "Delete", "Sql", "final String", "static String");

    /**
     * Whether a source file can hold a database use at all; most of an application (controllers,
     * services, DTOs) cannot, and is not parsed. Conservative: any of the words, or a call of a method
     * that takes SQL, is enough. Plain searches: this runs over every file of the older release.
     */
    static boolean mayUseDatabase(String source) {
        for (String word : DATABASE_WORDS) {
            if (source.contains(word)) {
                return true;
            }
        }
        for (int paren = source.indexOf('('); paren >= 0; paren = source.indexOf('(', paren + 1)) {
            int end = paren;
            while (end > 0 && Character.isWhitespace(source.charAt(end - 1))) {
                end--;
            }
            int start = end;
            while (start > 0 && Character.isJavaIdentifierPart(source.charAt(start - 1))) {
                start--;
            }
            if (start < end && CodeSql.SQL_METHODS.contains(source.substring(start, end))) {
                return true;
            }
        }
        return false;
    }

    /** Parses one file's text; safe to call from several threads. */
    static ParseResult<CompilationUnit> parse(String source) {
        return PARSER.get().parse(source);
    }

    /** Parses and adds one file; a file JavaParser cannot read is returned as the problem, else empty. */
    Optional<String> add(String file, String source) {
        return add(file, parse(source));
    }

    /** Adds one parsed file; a file JavaParser could not read is returned as the problem, else empty. */
    Optional<String> add(String file, ParseResult<CompilationUnit> result) {
        if (result.getResult().isEmpty() || !result.isSuccessful()) {
            return Optional.of(result.getProblems().isEmpty() ? "not Java"
                    : result.getProblems().get(0).getMessage().lines().findFirst().orElse("not Java"));
        }
        for (TypeDeclaration<?> t : result.getResult().get().findAll(TypeDeclaration.class)) {
            Type type = new Type(t, file);
            types.add(type);
            bySimpleName.computeIfAbsent(t.getNameAsString(), n -> new ArrayList<>()).add(type);
            for (FieldDeclaration f : t.getFields()) {
                if (!f.getElementType().asString().equals("String")) {
                    continue;
                }
                for (VariableDeclarator v : f.getVariables()) {
                    v.getInitializer().ifPresent(init -> {
                        constants.put(t.getNameAsString() + "." + v.getNameAsString(), init);
                    });
                }
            }
        }
        return Optional.empty();
    }

    List<Type> types() {
        return types;
    }

    /** The type of that simple name, when exactly one was read. */
    Optional<Type> type(String simpleName) {
        List<Type> found = bySimpleName.getOrDefault(simpleName, List.of());
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    static int line(Node node) {
        return node.getBegin().map(p -> p.line).orElse(0);
    }

    /** The annotation of that simple name ({@code Column} matches {@code jakarta.persistence.Column}). */
    static Optional<AnnotationExpr> annotation(NodeWithAnnotations<?> node, String simpleName) {
        for (AnnotationExpr a : node.getAnnotations()) {
            if (simpleName(a).equals(simpleName)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    static boolean has(NodeWithAnnotations<?> node, String simpleName) {
        return annotation(node, simpleName).isPresent();
    }

    static String simpleName(AnnotationExpr a) {
        String name = a.getNameAsString();
        return name.substring(name.lastIndexOf('.') + 1);
    }

    /** An attribute of an annotation ({@code value} is also the single member). */
    static Optional<Expression> attribute(AnnotationExpr a, String name) {
        if (a instanceof SingleMemberAnnotationExpr s) {
            return name.equals("value") ? Optional.of(s.getMemberValue()) : Optional.empty();
        }
        if (a instanceof NormalAnnotationExpr n) {
            for (MemberValuePair pair : n.getPairs()) {
                if (pair.getNameAsString().equals(name)) {
                    return Optional.of(pair.getValue());
                }
            }
        }
        return Optional.empty();
    }

    /** The elements of an array attribute ({@code {@A, @B}}), or the single value. */
    static List<Expression> elements(Expression e) {
        return e instanceof ArrayInitializerExpr array ? new ArrayList<>(array.getValues()) : List.of(e);
    }

    /** A string attribute folded to its value, when it is a constant. */
    Optional<String> string(AnnotationExpr a, String name, Node context) {
        return attribute(a, name).flatMap(e -> fold(e, context));
    }

    /**
     * The value of a constant string expression: literals, text blocks, {@code +} of constants, and
     * names of String constants of the same class or of another class read ({@code Sql.FIND_USER}).
     * Array values (MyBatis {@code @Select({"a", "b"})}) are joined with a space.
     */
    Optional<String> fold(Expression e, Node context) {
        return fold(e, context, 0);
    }

    private Optional<String> fold(Expression e, Node context, int depth) {
        if (depth > MAX_FOLD_DEPTH) {
            return Optional.empty();
        }
        if (e instanceof StringLiteralExpr s) {
            return Optional.of(s.asString());
        }
        if (e instanceof TextBlockLiteralExpr t) {
            return Optional.of(t.asString());
        }
        if (e instanceof EnclosedExpr en) {
            return fold(en.getInner(), context, depth);
        }
        if (e instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS) {
            Optional<String> left = fold(b.getLeft(), context, depth + 1);
            Optional<String> right = left.isEmpty() ? Optional.empty() : fold(b.getRight(), context, depth + 1);
            return right.map(r -> left.get() + r);
        }
        if (e instanceof ArrayInitializerExpr array) {
            StringBuilder out = new StringBuilder();
            for (Expression element : array.getValues()) {
                Optional<String> part = fold(element, context, depth + 1);
                if (part.isEmpty()) {
                    return Optional.empty();
                }
                out.append(out.length() == 0 ? "" : " ").append(part.get());
            }
            return Optional.of(out.toString());
        }
        String key = null;
        if (e instanceof NameExpr n) {
            key = enclosingType(context).map(t -> t.getNameAsString() + "." + n.getNameAsString()).orElse(null);
        } else if (e instanceof FieldAccessExpr f && f.getScope() instanceof NameExpr scope) {
            key = scope.getNameAsString() + "." + f.getNameAsString();
        }
        Expression init = key == null ? null : constants.get(key);
        if (init == null) {
            return Optional.empty();
        }
        return fold(init, init, depth + 1);
    }

    /** The literal parts of a string expression that is not constant (what is known of run-time SQL). */
    static String literalParts(Expression e) {
        StringBuilder out = new StringBuilder();
        e.walk(StringLiteralExpr.class, s -> out.append(out.length() == 0 ? "" : " ... ").append(s.asString()));
        e.walk(TextBlockLiteralExpr.class, s -> out.append(out.length() == 0 ? "" : " ... ").append(s.asString()));
        return out.toString();
    }

    @SuppressWarnings("rawtypes")
    private static Optional<TypeDeclaration> enclosingType(Node node) {
        return node.findAncestor(TypeDeclaration.class);
    }

    static NodeList<AnnotationExpr> annotations(NodeWithAnnotations<?> node) {
        return node.getAnnotations();
    }
}
