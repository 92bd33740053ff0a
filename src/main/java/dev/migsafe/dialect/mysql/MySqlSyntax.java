package dev.migsafe.dialect.mysql;

import dev.migsafe.dialect.Syntax;

/** MySQL's (and MariaDB's) SQL as the lexer and name normalisation see it. */
public final class MySqlSyntax implements Syntax {

    @Override
    public char identifierQuote() {
        return '`';
    }

    @Override
    public boolean quotedIdentifiersKeepCase() {
        return false; // columns are case-insensitive, and migsafe treats tables the same way
    }

    @Override
    public boolean isDefaultQualifier(String normalisedQualifier) {
        return true; // the database prefix: migsafe analyses one database at a time
    }

    @Override
    public boolean doubleQuotedStrings() {
        return true; // without ANSI_QUOTES
    }

    @Override
    public boolean backslashEscapes() {
        return true;
    }

    @Override
    public boolean escapeStringPrefix() {
        return false;
    }

    @Override
    public boolean dollarQuotedStrings() {
        return false;
    }

    @Override
    public boolean hashLineComments() {
        return true;
    }

    @Override
    public boolean dashCommentNeedsSpace() {
        return true;
    }

    @Override
    public boolean nestedBlockComments() {
        return false;
    }

    @Override
    public boolean delimiterCommand() {
        return true;
    }

    @Override
    public boolean overloadedRoutines() {
        return false;
    }

    @Override
    public int maxIdentifierLength() {
        return 64;
    }

    @Override
    public boolean identifierLimitInBytes() {
        return false;
    }

    @Override
    public boolean truncatesLongIdentifiers() {
        return false;
    }

    @Override
    public boolean keysNamedAfterFirstColumn() {
        return true;
    }

    @Override
    public boolean uniqueKeysAreIndexes() {
        return true;
    }

    @Override
    public boolean indexNamesPerTable() {
        return true;
    }

    @Override
    public int bareFloatPrecision() {
        return 24;
    }

    @Override
    public boolean floatLengthIsPrecision() {
        return false;
    }

    @Override
    public boolean realIsDouble() {
        return true;
    }

    @Override
    public boolean integerDisplayWidths() {
        return true;
    }

    @Override
    public int defaultFractionalSecondsDigits() {
        return 0; // whole seconds
    }
}
