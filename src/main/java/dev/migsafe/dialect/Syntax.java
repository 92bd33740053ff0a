package dev.migsafe.dialect;

/**
 * How a dialect writes SQL, as far as migsafe's lexer, parser and name normalisation need to know.
 * Plain facts only: the {@code sql} package decides what to do with them.
 */
public interface Syntax {

    /** The character around a quoted identifier: {@code "} or {@code `}. */
    char identifierQuote();

    /** A name quoted exactly as the catalog stores it: {@code "Users"}, {@code `order`}. */
    default String quoted(String name) {
        String q = String.valueOf(identifierQuote());
        return q + name.replace(q, q + q) + q;
    }

    /** A name as generated SQL writes it: bare when plain lower case, quoted exactly otherwise. */
    default String identifier(String name) {
        return name.matches("[a-z_][a-z0-9_]*") ? name : quoted(name);
    }

    /**
     * A quoted identifier keeps its case ({@code "Users"} is not {@code users}); unquoted ones are
     * folded to lower case either way.
     */
    boolean quotedIdentifiersKeepCase();

    /**
     * A qualifier that names the default namespace and is dropped when names are compared:
     * PostgreSQL's {@code public} schema; MySQL's database prefix, whatever it is.
     */
    boolean isDefaultQualifier(String normalisedQualifier);

    /** {@code "text"} is a string literal rather than a quoted identifier. */
    boolean doubleQuotedStrings();

    /** A backslash escapes the next character in every string literal (not only in {@code E'...'}). */
    boolean backslashEscapes();

    /** {@code E'...'} strings with backslash escapes. */
    boolean escapeStringPrefix();

    /** {@code $tag$ ... $tag$} strings. */
    boolean dollarQuotedStrings();

    /** {@code #} starts a line comment. */
    boolean hashLineComments();

    /** {@code --} starts a comment only when followed by whitespace (MySQL), not always. */
    boolean dashCommentNeedsSpace();

    /** A block comment inside a block comment nests: the outer one ends at the second closing mark. */
    boolean nestedBlockComments();

    /** The client's {@code DELIMITER //} line changes the statement terminator. */
    boolean delimiterCommand();

    /** Routines are told apart by their argument types (overloading), not by name alone. */
    boolean overloadedRoutines();

    /** Index names are unique per table ({@code DROP INDEX i ON t}), not per schema. */
    boolean indexNamesPerTable();

    /**
     * The longest identifier the server keeps: counted in UTF-8 bytes when {@link #identifierLimitInBytes()},
     * in characters otherwise.
     */
    int maxIdentifierLength();

    /** The identifier limit counts UTF-8 bytes (PostgreSQL's NAMEDATALEN - 1), not characters. */
    boolean identifierLimitInBytes();

    /**
     * A longer identifier is cut to the limit, at a character boundary (PostgreSQL, with a NOTICE), rather
     * than refused with an error (MySQL, error 1059).
     */
    boolean truncatesLongIdentifiers();

    /**
     * An index or unique key created without a name is named after its first column ({@code jti}, then
     * {@code jti_2}, {@code jti_3}: MySQL), not {@code table_columns_key} / {@code _idx} (PostgreSQL).
     */
    boolean keysNamedAfterFirstColumn();

    /**
     * A UNIQUE constraint is nothing but a unique index of the same name (MySQL: {@code UNIQUE KEY k (c)}
     * and {@code CREATE UNIQUE INDEX k ON t (c)} make the same object), not an object of its own that
     * owns an index (PostgreSQL).
     */
    boolean uniqueKeysAreIndexes();

    /** The length of a name in the unit of {@link #maxIdentifierLength()}. */
    default int identifierLength(String name) {
        return identifierLimitInBytes() ? name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length
                : name.codePointCount(0, name.length());
    }

    /**
     * The longest start of {@code name} at most {@code length} units long (see {@link #identifierLength}),
     * cut at a character boundary: what PostgreSQL's {@code pg_mbcliplen} keeps.
     */
    default String clipIdentifier(String name, int length) {
        int end = 0;
        int units = 0;
        while (end < name.length()) {
            int next = name.offsetByCodePoints(end, 1);
            int size = identifierLength(name.substring(end, next));
            if (units + size > length) {
                break;
            }
            units += size;
            end = next;
        }
        return name.substring(0, end);
    }

    /** The name the server stores for an identifier written {@code name}: cut when it truncates long ones. */
    default String storedIdentifier(String name) {
        return truncatesLongIdentifiers() && identifierLength(name) > maxIdentifierLength()
                ? clipIdentifier(name, maxIdentifierLength()) : name;
    }

    /** The bit precision of a bare {@code FLOAT}: 24 is single precision, 53 double. */
    int bareFloatPrecision();

    /** The length written in {@code FLOAT(n)} is its bit precision (MySQL's {@code FLOAT(M,D)} counts digits shown). */
    boolean floatLengthIsPrecision();

    /** {@code REAL} means double precision (MySQL), not single. */
    boolean realIsDouble();

    /** {@code INT(11)}: the argument of an integer type is a display width, meaningless to the stored values. */
    boolean integerDisplayWidths();

    /** The fractional-seconds digits of a time type written without them. */
    int defaultFractionalSecondsDigits();
}
