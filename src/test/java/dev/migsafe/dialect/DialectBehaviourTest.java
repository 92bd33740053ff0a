package dev.migsafe.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every dialect answers every question migsafe asks of a dialect: a new constant without its own
 * syntax and server, or a new question one dialect does not answer, fails here rather than for a user.
 */
class DialectBehaviourTest {

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void answersEverySyntaxQuestion(Dialect dialect) throws Exception {
        answersAll(Syntax.class, dialect.syntax(), dialect);
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void answersEveryServerQuestion(Dialect dialect) throws Exception {
        answersAll(Server.class, dialect.server(), dialect);
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void livesInItsOwnPackageAndParsesFromItsId(Dialect dialect) {
        String own = Dialect.class.getPackageName() + "." + dialect.id();
        assertEquals(own, dialect.syntax().getClass().getPackageName());
        assertEquals(own, dialect.server().getClass().getPackageName());
        assertEquals(dialect, Dialect.parse(dialect.id()));
    }

    @Test
    void dialectsAreTheBottomLayer() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/dev/migsafe/dialect"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                for (String line : Files.readAllLines(file)) {
                    if (line.startsWith("import dev.migsafe.")) {
                        assertTrue(line.startsWith("import dev.migsafe.dialect."),
                                file + " depends on another migsafe package: " + line);
                    }
                }
            }
        }
    }

    /** Calls every method of the interface with plain arguments; each must give a usable answer. */
    private static <T> void answersAll(Class<T> api, T facts, Dialect dialect) throws IllegalAccessException {
        assertNotNull(facts, dialect + " has no " + api.getSimpleName());
        for (Method m : api.getMethods()) {
            Object[] args = Stream.of(m.getParameterTypes()).map(DialectBehaviourTest::sample).toArray();
            Object answer;
            try {
                answer = m.invoke(facts, args);
            } catch (InvocationTargetException e) {
                throw new AssertionError(dialect + " " + api.getSimpleName() + "." + m.getName() + " fails", e.getCause());
            }
            String what = dialect + " " + api.getSimpleName() + "." + m.getName();
            assertNotNull(answer, what);
            if (answer instanceof String s) {
                assertFalse(s.isBlank(), what);
            } else if (answer instanceof Collection<?> c) {
                assertFalse(c.isEmpty(), what);
            }
        }
    }

    private static Object sample(Class<?> type) {
        if (type == String.class) {
            return "t";
        }
        if (type == int.class) {
            return 9;
        }
        throw new IllegalArgumentException("no sample argument of " + type + ": add one here");
    }
}
