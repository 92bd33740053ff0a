package dev.migsafe.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;

/**
 * jOOQ's generated table classes in the source tree ({@code class Users extends TableImpl<UsersRecord>}):
 * the table is the {@code DSL.name("users")} its constructors pass on, each column a
 * {@code createField(DSL.name("email"), ...)} field. The code may read and write any of them.
 */
final class JooqTables {
    private final JavaCode code;

    JooqTables(JavaCode code) {
        this.code = code;
    }

    List<Use> read() {
        List<Use> uses = new ArrayList<>();
        for (JavaCode.Type t : code.types()) {
            if (!(t.declaration() instanceof ClassOrInterfaceDeclaration c) || c.getExtendedTypes().isEmpty()
                    || !c.getExtendedTypes().get(0).getNameAsString().equals("TableImpl")) {
                continue;
            }
            Optional<String> table = Optional.empty();
            for (ConstructorDeclaration ctor : c.getConstructors()) {
                for (MethodCallExpr call : ctor.findAll(MethodCallExpr.class)) {
                    table = dslName(call);
                    if (table.isPresent()) {
                        break;
                    }
                }
                if (table.isPresent()) {
                    break;
                }
            }
            if (table.isEmpty()) {
                continue;
            }
            String name = table.get().toLowerCase(Locale.ROOT);
            uses.add(new Use(name, null, Use.JOOQ, t.file(), JavaCode.line(c), "jOOQ table " + c.getNameAsString(), true));
            for (FieldDeclaration f : c.getFields()) {
                for (MethodCallExpr call : f.findAll(MethodCallExpr.class)) {
                    if (call.getNameAsString().equals("createField") && !call.getArguments().isEmpty()
                            && call.getArgument(0) instanceof MethodCallExpr first) {
                        dslName(first).ifPresent(column -> uses.add(new Use(name, column.toLowerCase(Locale.ROOT), Use.JOOQ,
                                t.file(), JavaCode.line(f), EntityMappings.oneLine(f.getVariable(0)), true)));
                    }
                }
            }
        }
        return uses;
    }

    /** {@code DSL.name("x")} (or {@code name("x")} statically imported): the last part of the name. */
    private Optional<String> dslName(MethodCallExpr call) {
        boolean dsl = call.getNameAsString().equals("name")
                && call.getScope().map(s -> s instanceof NameExpr n && n.getNameAsString().equals("DSL")).orElse(true);
        if (!dsl || call.getArguments().isEmpty()) {
            return Optional.empty();
        }
        return code.fold(call.getArgument(call.getArguments().size() - 1), call);
    }
}
