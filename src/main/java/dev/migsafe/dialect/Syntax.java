package dev.migsafe.dialect;

/**
 * How a dialect writes SQL, as far as migsafe's lexer, parser and name normalisation need to know.
 * Plain facts only: the {@code sql} package decides what to do with them.
 */
public interface Syntax {

    /** The character around a quoted identifier: {@code "} or {@code `}. */
    char identifierQuote();

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
