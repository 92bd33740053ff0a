package dev.migsafe.app;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;

/**
 * The tables and columns the older release's mappings use: JPA/Hibernate entities ({@code @Entity},
 * {@code @Table}, {@code @Column}, {@code @JoinColumn}, {@code @JoinTable}, {@code @ElementCollection}
 * with {@code @CollectionTable}, {@code @Embedded}/{@code @Embeddable} with {@code @AttributeOverride},
 * {@code @MappedSuperclass}, {@code @Inheritance}, {@code @SecondaryTable}, {@code @Transient}) and
 * Spring Data JDBC aggregates ({@code @Table}/{@code @Column} of {@code org.springframework.data}).
 * Every mapped attribute is a use: Hibernate's INSERT and SELECT name every mapped column.
 */
final class EntityMappings {
    private static final Set<String> TO_MANY = Set.of("OneToMany", "ManyToMany");
    private static final Set<String> TO_ONE = Set.of("ManyToOne", "OneToOne");
    /** Embedding may nest; a cycle of embeddables is not valid JPA but must not loop. */
    private static final int MAX_EMBED_DEPTH = 5;

    private final JavaCode code;
    private final Naming naming;
    private final List<Use> uses = new ArrayList<>();
    private int entities;

    EntityMappings(JavaCode code, Naming naming) {
        this.code = code;
        this.naming = naming;
    }

    /** Reads every entity; returns the uses found. */
    List<Use> read() {
        for (JavaCode.Type t : code.types()) {
            TypeDeclaration<?> d = t.declaration();
            if (JavaCode.has(d, "Entity")) {
                entity(t, false);
            } else if (isSpringDataJdbc(d)) {
                entity(t, true);
            }
        }
        return uses;
    }

    int entities() {
        return entities;
    }

    /** A Spring Data JDBC aggregate: {@code @Table} imported from Spring Data, not JPA. */
    private static boolean isSpringDataJdbc(TypeDeclaration<?> d) {
        Optional<AnnotationExpr> table = JavaCode.annotation(d, "Table");
        if (table.isEmpty()) {
            return false;
        }
        if (table.get().getNameAsString().startsWith("org.springframework.data")) {
            return true;
        }
        return d.findCompilationUnit().map(cu -> cu.getImports().stream()
                .anyMatch(i -> i.getNameAsString().startsWith("org.springframework.data.relational"))).orElse(false);
    }

    private void entity(JavaCode.Type t, boolean jdbc) {
        entities++;
        TypeDeclaration<?> d = t.declaration();
        Naming names = jdbc ? Naming.SPRING : naming;
        String table = tableOf(d, names);
        Node at = JavaCode.annotation(d, "Table").map(a -> (Node) a).orElse(d);
        uses.add(new Use(table, null, Use.ENTITY, t.file(), JavaCode.line(at), describe(at, d), true));
        Map<String, String> secondary = secondaryTables(d, names);
        // the attributes of this class and of the classes it inherits columns from into this table
        List<JavaCode.Type> chain = new ArrayList<>();
        chain.add(t);
        String strategy = null;
        for (JavaCode.Type s = superType(t); s != null && chain.size() < 20; s = superType(s)) {
            TypeDeclaration<?> sd = s.declaration();
            if (JavaCode.has(sd, "MappedSuperclass")) {
                chain.add(s);
            } else if (JavaCode.has(sd, "Entity")) {
                strategy = inheritance(rootEntity(s).declaration());
                if ("TABLE_PER_CLASS".equals(strategy)) {
                    chain.add(s);
                } else {
                    break; // JOINED: the parent's table has its own attributes; SINGLE_TABLE: same table, read with the parent
                }
            }
        }
        for (JavaCode.Type c : chain) {
            for (FieldDeclaration f : c.declaration().getFields()) {
                attribute(c, f, table, secondary, names, d, jdbc, 0, Map.of(), "");
            }
        }
        if ("JOINED".equals(strategy)) {
            uses.add(new Use(table, idColumn(rootEntity(t).declaration(), names), Use.ENTITY, t.file(),
                    JavaCode.line(at), "joined subclass " + d.getNameAsString() + " (primary key join column)", true));
        }
    }

    /** The table of an entity: SINGLE_TABLE subclasses share their root's. */
    private String tableOf(TypeDeclaration<?> d, Naming names) {
        JavaCode.Type root = rootEntity(new JavaCode.Type(d, null));
        if (root.declaration() != d && !"JOINED".equals(inheritance(root.declaration()))
                && !"TABLE_PER_CLASS".equals(inheritance(root.declaration()))) {
            d = root.declaration();
        }
        TypeDeclaration<?> decl = d;
        Optional<AnnotationExpr> table = JavaCode.annotation(decl, "Table");
        Optional<String> name = table.flatMap(a -> code.string(a, "name", decl).filter(s -> !s.isEmpty())
                .or(() -> code.string(a, "value", decl).filter(s -> !s.isEmpty())));
        String schema = table.flatMap(a -> code.string(a, "schema", decl)).filter(s -> !s.isEmpty()).orElse(null);
        String logical = name.orElseGet(() -> JavaCode.annotation(decl, "Entity")
                .flatMap(a -> code.string(a, "name", decl)).filter(s -> !s.isEmpty()).orElse(decl.getNameAsString()));
        String physical = names.physical(logical);
        return schema == null ? physical : names.physical(schema) + "." + physical;
    }

    private JavaCode.Type superType(JavaCode.Type t) {
        if (!(t.declaration() instanceof ClassOrInterfaceDeclaration c) || c.getExtendedTypes().isEmpty()) {
            return null;
        }
        return code.type(c.getExtendedTypes().get(0).getNameAsString()).orElse(null);
    }

    /** The topmost {@code @Entity} of a hierarchy (only declarations are compared: the file may be unknown). */
    private JavaCode.Type rootEntity(JavaCode.Type t) {
        JavaCode.Type root = t;
        int guard = 0;
        for (JavaCode.Type s = superType(root); s != null && guard++ < 20; s = superType(s)) {
            if (JavaCode.has(s.declaration(), "Entity")) {
                root = s;
            }
        }
        return root;
    }

    /** SINGLE_TABLE (JPA's default), JOINED or TABLE_PER_CLASS. */
    private static String inheritance(TypeDeclaration<?> root) {
        return JavaCode.annotation(root, "Inheritance").flatMap(a -> JavaCode.attribute(a, "strategy"))
                .map(e -> e instanceof FieldAccessExpr f ? f.getNameAsString() : e.toString()).orElse("SINGLE_TABLE");
    }

    private Map<String, String> secondaryTables(TypeDeclaration<?> d, Naming names) {
        Map<String, String> out = new HashMap<>();
        List<AnnotationExpr> all = new ArrayList<>();
        JavaCode.annotation(d, "SecondaryTable").ifPresent(all::add);
        JavaCode.annotation(d, "SecondaryTables").flatMap(a -> JavaCode.attribute(a, "value"))
                .ifPresent(v -> JavaCode.elements(v).stream().filter(AnnotationExpr.class::isInstance)
                        .map(AnnotationExpr.class::cast).forEach(all::add));
        for (AnnotationExpr a : all) {
            code.string(a, "name", d).ifPresent(n -> {
                out.put(n, names.physical(n));
                uses.add(new Use(names.physical(n), null, Use.ENTITY, fileOf(d), JavaCode.line(a), oneLine(a), true));
                uses.add(new Use(names.physical(n), idColumn(d, names), Use.ENTITY, fileOf(d), JavaCode.line(a), oneLine(a), true));
            });
        }
        return out;
    }

    /**
     * One field of an entity (or of an embeddable inside it, {@code depth > 0}, whose columns the
     * embedding field's {@code @AttributeOverride}s rename by attribute path).
     */
    private void attribute(JavaCode.Type owner, FieldDeclaration f, String table, Map<String, String> secondary, Naming names,
                           TypeDeclaration<?> entity, boolean jdbc, int depth, Map<String, String> overrides, String path) {
        if (f.hasModifier(Modifier.Keyword.STATIC) || f.hasModifier(Modifier.Keyword.TRANSIENT)
                || JavaCode.has(f, "Transient")) {
            return;
        }
        for (VariableDeclarator v : f.getVariables()) {
            String attr = path.isEmpty() ? v.getNameAsString() : path + "." + v.getNameAsString();
            String file = owner.file();
            if (JavaCode.has(f, "OneToMany") || JavaCode.has(f, "ManyToMany")) {
                toMany(f, v, table, names, entity, file);
                continue;
            }
            if (JavaCode.has(f, "ElementCollection")) {
                elementCollection(f, v, names, entity, file);
                continue;
            }
            Optional<JavaCode.Type> embeddable = embeddable(f, v.getType());
            if (embeddable.isPresent() && depth < MAX_EMBED_DEPTH && !jdbc) {
                Map<String, String> nested = new HashMap<>(overrides);
                nested.putAll(attributeOverrides(f, attr, entity));
                for (FieldDeclaration ef : embeddable.get().declaration().getFields()) {
                    attribute(embeddable.get(), ef, table, secondary, names, entity, false, depth + 1, nested, attr);
                }
                continue;
            }
            if (TO_ONE.stream().anyMatch(a -> JavaCode.has(f, a))) {
                boolean owning = TO_ONE.stream().flatMap(a -> JavaCode.annotation(f, a).stream())
                        .noneMatch(a -> JavaCode.attribute(a, "mappedBy").isPresent());
                if (owning) {
                    for (String column : joinColumns(f, v, names)) {
                        uses.add(new Use(table, column, Use.ENTITY, file, JavaCode.line(f), describe(f, v), true));
                    }
                }
                continue;
            }
            String column = overrides.get(attr);
            String inTable = table;
            Optional<AnnotationExpr> col = JavaCode.annotation(f, "Column");
            if (column == null) {
                Optional<String> written = col.flatMap(a -> code.string(a, "name", f).filter(s -> !s.isEmpty())
                        .or(() -> jdbc ? code.string(a, "value", f).filter(s -> !s.isEmpty()) : Optional.empty()));
                column = written.map(names::physical).orElseGet(() -> names.physical(v.getNameAsString()));
            }
            Optional<String> secondaryName = col.flatMap(a -> code.string(a, "table", f)).filter(s -> !s.isEmpty());
            if (secondaryName.isPresent()) {
                inTable = names.physical(secondaryName.get());
            }
            uses.add(new Use(inTable, column, Use.ENTITY, file, JavaCode.line(f), describe(f, v), true));
        }
    }

    private List<String> joinColumns(FieldDeclaration f, VariableDeclarator v, Naming names) {
        List<String> out = new ArrayList<>();
        List<AnnotationExpr> joins = new ArrayList<>();
        JavaCode.annotation(f, "JoinColumn").ifPresent(joins::add);
        JavaCode.annotation(f, "JoinColumns").flatMap(a -> JavaCode.attribute(a, "value"))
                .ifPresent(e -> JavaCode.elements(e).stream().filter(AnnotationExpr.class::isInstance)
                        .map(AnnotationExpr.class::cast).forEach(joins::add));
        for (AnnotationExpr j : joins) {
            code.string(j, "name", f).filter(s -> !s.isEmpty()).ifPresent(n -> out.add(names.physical(n)));
        }
        if (out.isEmpty() && !JavaCode.has(f, "MapsId") && !JavaCode.has(f, "PrimaryKeyJoinColumn")) {
            // JPA's default: the attribute's name, "_", the referenced primary key column
            String target = typeName(v.getType());
            String id = code.type(target).map(t -> idColumn(t.declaration(), names)).orElse("id");
            out.add(names.physical(v.getNameAsString() + "_" + id));
        }
        return out;
    }

    private void toMany(FieldDeclaration f, VariableDeclarator v, String table, Naming names, TypeDeclaration<?> entity,
                        String file) {
        boolean mappedBy = TO_MANY.stream().flatMap(a -> JavaCode.annotation(f, a).stream())
                .anyMatch(a -> JavaCode.attribute(a, "mappedBy").isPresent());
        if (mappedBy) {
            return;
        }
        if (JavaCode.has(f, "OneToMany") && !JavaCode.has(f, "JoinTable")) {
            // a unidirectional one-to-many with @JoinColumn keeps the key in the other entity's table
            String target = elementTypeName(v.getType());
            Optional<JavaCode.Type> t = code.type(target);
            JavaCode.annotation(f, "JoinColumn").flatMap(j -> code.string(j, "name", f)).ifPresent(n -> t.ifPresent(tt ->
                    uses.add(new Use(tableOf(tt.declaration(), names), names.physical(n), Use.ENTITY, file, JavaCode.line(f),
                            describe(f, v), true))));
            if (JavaCode.has(f, "JoinColumn")) {
                return;
            }
        }
        String target = elementTypeName(v.getType());
        Optional<JavaCode.Type> targetType = code.type(target);
        String targetTable = targetType.map(t -> tableOf(t.declaration(), names)).orElse(names.physical(target));
        Optional<AnnotationExpr> joinTable = JavaCode.annotation(f, "JoinTable");
        String ownerEntity = entityName(entity);
        String name = joinTable.flatMap(a -> code.string(a, "name", f)).filter(s -> !s.isEmpty()).map(names::physical)
                .orElse(names.physical(ownerEntity + "_" + targetType.map(t -> entityName(t.declaration())).orElse(target)));
        int line = JavaCode.line(f);
        uses.add(new Use(name, null, Use.ENTITY, file, line, describe(f, v), true));
        List<String> columns = new ArrayList<>();
        joinTable.ifPresent(a -> {
            for (String attr : List.of("joinColumns", "inverseJoinColumns")) {
                JavaCode.attribute(a, attr).ifPresent(e -> JavaCode.elements(e).stream()
                        .filter(AnnotationExpr.class::isInstance).map(AnnotationExpr.class::cast)
                        .forEach(j -> code.string(j, "name", f).ifPresent(n -> columns.add(names.physical(n)))));
            }
        });
        if (columns.isEmpty()) {
            columns.add(names.physical(v.getNameAsString() + "_" + targetType.map(t -> idColumn(t.declaration(), names)).orElse("id")));
            columns.add(names.physical(ownerEntity + "_" + idColumn(entity, names)));
        }
        columns.forEach(c -> uses.add(new Use(name, c, Use.ENTITY, file, line, describe(f, v), true)));
    }

    private void elementCollection(FieldDeclaration f, VariableDeclarator v, Naming names, TypeDeclaration<?> entity,
                                   String file) {
        Optional<AnnotationExpr> ct = JavaCode.annotation(f, "CollectionTable");
        String name = ct.flatMap(a -> code.string(a, "name", f)).filter(s -> !s.isEmpty()).map(names::physical)
                .orElse(names.physical(entityName(entity) + "_" + v.getNameAsString()));
        int line = JavaCode.line(f);
        uses.add(new Use(name, null, Use.ENTITY, file, line, describe(f, v), true));
        List<String> joins = new ArrayList<>();
        ct.flatMap(a -> JavaCode.attribute(a, "joinColumns")).ifPresent(e -> JavaCode.elements(e).stream()
                .filter(AnnotationExpr.class::isInstance).map(AnnotationExpr.class::cast)
                .forEach(j -> code.string(j, "name", f).ifPresent(n -> joins.add(names.physical(n)))));
        if (joins.isEmpty()) {
            joins.add(names.physical(entityName(entity) + "_" + idColumn(entity, names)));
        }
        joins.forEach(j -> uses.add(new Use(name, j, Use.ENTITY, file, line, describe(f, v), true)));
        Optional<JavaCode.Type> element = code.type(elementTypeName(v.getType()))
                .filter(t -> JavaCode.has(t.declaration(), "Embeddable"));
        if (element.isPresent()) {
            for (FieldDeclaration ef : element.get().declaration().getFields()) {
                attribute(element.get(), ef, name, Map.of(), names, entity, false, 1,
                        attributeOverrides(f, "", entity), "");
            }
            return;
        }
        String column = JavaCode.annotation(f, "Column").flatMap(a -> code.string(a, "name", f))
                .filter(s -> !s.isEmpty()).map(names::physical).orElse(names.physical(v.getNameAsString()));
        uses.add(new Use(name, column, Use.ENTITY, file, line, describe(f, v), true));
    }

    /** {@code @AttributeOverride(name = "street", column = @Column(name = "home_street"))}, keyed by attribute path. */
    private Map<String, String> attributeOverrides(FieldDeclaration f, String attr, TypeDeclaration<?> entity) {
        Map<String, String> out = new HashMap<>();
        List<AnnotationExpr> all = new ArrayList<>();
        JavaCode.annotation(f, "AttributeOverride").ifPresent(all::add);
        JavaCode.annotation(f, "AttributeOverrides").flatMap(a -> JavaCode.attribute(a, "value"))
                .ifPresent(e -> JavaCode.elements(e).stream().filter(AnnotationExpr.class::isInstance)
                        .map(AnnotationExpr.class::cast).forEach(all::add));
        for (AnnotationExpr o : all) {
            Optional<String> name = code.string(o, "name", f);
            Optional<String> column = JavaCode.attribute(o, "column").filter(AnnotationExpr.class::isInstance)
                    .map(AnnotationExpr.class::cast).flatMap(c -> code.string(c, "name", f));
            if (name.isPresent() && column.isPresent()) {
                out.put(attr.isEmpty() ? name.get() : attr + "." + name.get(), naming.physical(column.get()));
            }
        }
        return out;
    }

    private Optional<JavaCode.Type> embeddable(FieldDeclaration f, Type type) {
        Optional<JavaCode.Type> t = code.type(typeName(type));
        if (JavaCode.has(f, "Embedded") || JavaCode.has(f, "EmbeddedId")) {
            return t;
        }
        return t.filter(x -> JavaCode.has(x.declaration(), "Embeddable"));
    }

    /** The column of the entity's {@code @Id} (or {@code id}). */
    private String idColumn(TypeDeclaration<?> d, Naming names) {
        Set<TypeDeclaration<?>> seen = new HashSet<>();
        for (TypeDeclaration<?> t = d; t != null && seen.add(t); ) {
            for (FieldDeclaration f : t.getFields()) {
                if (JavaCode.has(f, "Id")) {
                    TypeDeclaration<?> owner = t;
                    return JavaCode.annotation(f, "Column").flatMap(a -> code.string(a, "name", owner))
                            .filter(s -> !s.isEmpty()).map(names::physical)
                            .orElse(names.physical(f.getVariable(0).getNameAsString()));
                }
            }
            JavaCode.Type s = superType(new JavaCode.Type(t, null));
            t = s == null ? null : s.declaration();
        }
        return "id";
    }

    private String entityName(TypeDeclaration<?> d) {
        return JavaCode.annotation(d, "Entity").flatMap(a -> code.string(a, "name", d)).filter(s -> !s.isEmpty())
                .orElse(d.getNameAsString());
    }

    private String fileOf(TypeDeclaration<?> d) {
        return code.types().stream().filter(t -> t.declaration() == d).map(JavaCode.Type::file).findFirst().orElse("");
    }

    private static String typeName(Type type) {
        if (type instanceof ClassOrInterfaceType c) {
            return c.getNameAsString();
        }
        return type.asString();
    }

    /** {@code List<Order>} -> {@code Order}; a map's value type. */
    private static String elementTypeName(Type type) {
        if (type instanceof ClassOrInterfaceType c && c.getTypeArguments().isPresent() && !c.getTypeArguments().get().isEmpty()) {
            var args = c.getTypeArguments().get();
            return typeName(args.get(args.size() - 1));
        }
        return typeName(type);
    }

    /** What a use shows: the field's annotations and declaration, on one line. */
    private static String describe(FieldDeclaration f, VariableDeclarator v) {
        StringBuilder out = new StringBuilder();
        for (AnnotationExpr a : f.getAnnotations()) {
            out.append(oneLine(a)).append(' ');
        }
        return out.append(v.getType().asString()).append(' ').append(v.getNameAsString()).toString();
    }

    private static String describe(Node at, TypeDeclaration<?> d) {
        return at instanceof AnnotationExpr a ? oneLine(a) + " " + d.getNameAsString() : "@Entity " + d.getNameAsString();
    }

    static String oneLine(Node n) {
        String s = n.toString().replaceAll("\\s+", " ").trim();
        return s.length() > 200 ? s.substring(0, 197) + "..." : s;
    }
}
