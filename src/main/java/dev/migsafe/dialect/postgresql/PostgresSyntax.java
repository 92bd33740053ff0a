package dev.migsafe.dialect.postgresql;

import dev.migsafe.dialect.Syntax;

/** PostgreSQL's SQL as the lexer and name normalisation see it. */
public final class PostgresSyntax implements Syntax {

    @Override
    public char identifierQuote() {
        return '"';
    }

    @Override
    public boolean quotedIdentifiersKeepCase() {
        return true;
    }

    @Override
    public boolean isDefaultQualifier(String normalisedQualifier) {
        return "public".equals(normalisedQualifier);
    }

    @Override
    public boolean doubleQuotedStrings() {
        return false;
    }

    @Override
    public boolean backslashEscapes() {
        return false; // standard_conforming_strings: only E'...' escapes
    }

    @Override
    public boolean escapeStringPrefix() {
        return true;
    }

    @Override
    public boolean dollarQuotedStrings() {
        return true;
    }

    @Override
    public boolean hashLineComments() {
        return false;
    }

    @Override
    public boolean dashCommentNeedsSpace() {
        return false;
    }

    @Override
    public boolean nestedBlockComments() {
        return true;
    }

    @Override
    public boolean delimiterCommand() {
        return false;
    }

    @Override
    public boolean overloadedRoutines() {
        return true;
    }

    @Override
    public int maxIdentifierLength() {
        return 63;
    }

    @Override
    public boolean identifierLimitInBytes() {
        return true;
    }

    @Override
    public boolean truncatesLongIdentifiers() {
        return true;
    }

    @Override
    public boolean keysNamedAfterFirstColumn() {
        return false;
    }

    @Override
    public boolean uniqueKeysAreIndexes() {
        return false;
    }

    @Override
    public boolean indexNamesPerTable() {
        return false;
    }

    @Override
    public int bareFloatPrecision() {
        return 53;
    }

    @Override
    public boolean floatLengthIsPrecision() {
        return true;
    }

    @Override
    public boolean realIsDouble() {
        return false;
    }

    @Override
    public boolean integerDisplayWidths() {
        return false;
    }

    @Override
    public int defaultFractionalSecondsDigits() {
        return 6; // microseconds
    }
}
