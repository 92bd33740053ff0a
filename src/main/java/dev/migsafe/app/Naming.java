package dev.migsafe.app;

import java.util.Locale;

/**
 * How a mapping's names become the database's: Spring Boot's default physical strategy turns
 * camelCase into snake_case (explicit names too), Hibernate's keeps names as written, EclipseLink
 * upper-cases them. Names are compared case-insensitively, so only the underscores matter.
 */
public enum Naming {
    SPRING, HIBERNATE, ECLIPSELINK;

    public static Naming parse(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }

    /** The database name of a logical (class, field or written) name, lower-cased for comparison. */
    public String physical(String logical) {
        if (logical == null) {
            return null;
        }
        String name = logical;
        boolean quoted = name.length() > 1 && (name.startsWith("\"") && name.endsWith("\"")
                || name.startsWith("`") && name.endsWith("`"));
        if (quoted) {
            return name.substring(1, name.length() - 1);
        }
        if (this == SPRING) {
            name = snakeCase(name.replace('.', '_'));
        }
        return name.toLowerCase(Locale.ROOT);
    }

    /** Spring's CamelCaseToUnderscoresNamingStrategy: an underscore between lower, upper, lower. */
    static String snakeCase(String name) {
        StringBuilder out = new StringBuilder(name);
        for (int i = 1; i < out.length() - 1; i++) {
            if (Character.isLowerCase(out.charAt(i - 1)) && Character.isUpperCase(out.charAt(i))
                    && Character.isLowerCase(out.charAt(i + 1))) {
                out.insert(i++, '_');
            }
        }
        return out.toString();
    }
}
