package dev.migsafe.sql;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migsafe.dialect.Dialect;
import dev.migsafe.sql.MigrationScript;

/**
 * Cuts a script into statements the way the database's own client would: delimiters inside quotes,
 * dollar quotes and comments do not count; MySQL {@code DELIMITER} lines change the delimiter (and
 * are not statements); PostgreSQL {@code BEGIN ATOMIC ... END} bodies are kept whole. Each statement
 * gets the line of its first token and the {@code migsafe:ignore} comments written just before it;
 * {@code migsafe:ignore-file} comments ride on the file's first statement (file scope when they are
 * in the leading comment block, misplaced otherwise).
 * Statements with nothing but a delimiter (or comments) are dropped.
 */
public final class StatementSplitter {

    private static final Pattern IGNORE = Pattern.compile(
            "migsafe:ignore(-file)?\\s+([A-Za-z]+[0-9]+(?:\\s*,\\s*[A-Za-z]+[0-9]+)*)(.*)", Pattern.DOTALL);

    private final Dialect dialect;

    public StatementSplitter(Dialect dialect) {
        this.dialect = dialect;
    }

    /**
     * @throws SqlSyntaxException for an unterminated quote, dollar quote or block comment
     */
    public List<SqlStatement> split(MigrationScript script) {
        return new Run(script).split();
    }

    /** The state of one pass over one script. */
    private final class Run {
        private final MigrationScript script;
        private final String text;
        private final SqlLexer lexer;
        private final int[] lineStarts;
        private final List<SqlStatement> statements = new ArrayList<>();

        private String delimiter = ";";
        private int first = -1;          // start of the current statement's first token, -1 before it
        private int lastEnd = -1;        // end of its last token
        private int blockDepth;          // inside BEGIN ATOMIC ... END or a MySQL compound statement
        private boolean pendingBegin;    // previous significant token was BEGIN
        private boolean afterEnd;        // previous significant token was an END inside a block
        private final List<Suppression> suppressions = new ArrayList<>();

        Run(MigrationScript script) {
            this.script = script;
            this.text = script.content();
            this.lexer = new SqlLexer(text, dialect);
            this.lineStarts = LineEnds.lineStarts(text);
        }

        List<SqlStatement> split() {
            int pos = 0;
            while (pos < text.length()) {
                if (dialect.syntax().delimiterCommand() && first < 0 && atLineStart(pos) && startsWithWord(pos, "DELIMITER")) {
                    pos = readDelimiterLine(pos);
                    continue;
                }
                if (blockDepth == 0 && text.startsWith(delimiter, pos)) {
                    finishStatement();
                    pos += delimiter.length();
                    continue;
                }
                Token token;
                try {
                    token = lexer.next(pos);
                } catch (SqlLexer.UnterminatedException e) {
                    throw new SqlSyntaxException(script.path(), lineOf(e.start()), e.getMessage());
                }
                int glued = delimiterInside(token);
                if (glued >= 0) {
                    // MySQL: "END$$" lexes as one word, but the client ends the statement at the delimiter
                    accept(new Token(token.type(), token.start(), glued, text.substring(token.start(), glued)));
                    finishStatement();
                    pos = glued + delimiter.length();
                    continue;
                }
                accept(token);
                pos = token.end();
            }
            finishStatement();
            return statements;
        }

        private void accept(Token token) {
            if (token.isTrivia()) {
                if (token.isComment() && first < 0) {
                    readSuppression(token);
                }
                return;
            }
            if (first < 0) {
                first = token.start();
            }
            lastEnd = token.end();
            trackBlocks(token);
        }

        /**
         * Blocks whose inner semicolons do not end the statement: PostgreSQL's SQL-standard function
         * bodies (BEGIN ATOMIC ... END) and, when the delimiter is ';', MySQL compound statements in
         * CREATE PROCEDURE/FUNCTION/TRIGGER (a BEGIN that is not the statement's first word). Inside
         * a block, CASE opens a construct that END closes; END IF / END LOOP / END WHILE / END
         * REPEAT close a construct that did not count as opened.
         */
        private void trackBlocks(Token token) {
            boolean opens = switch (dialect) {
                case POSTGRESQL -> pendingBegin && token.is("ATOMIC");
                case MYSQL -> token.is("BEGIN") && token.start() != first && delimiter.equals(";");
            };
            boolean closedBlock = false;
            if (opens) {
                blockDepth++;
            } else if (afterEnd && (token.is("IF") || token.is("LOOP") || token.is("WHILE") || token.is("REPEAT"))) {
                blockDepth++; // that END closed an IF or a loop, which did not count as opened
            } else if (blockDepth > 0) {
                if (token.is("CASE") && !afterEnd || token.is("BEGIN")) {
                    blockDepth++;
                } else if (token.is("END")) {
                    blockDepth--;
                    closedBlock = true;
                }
            }
            pendingBegin = token.is("BEGIN");
            afterEnd = closedBlock;
        }

        /** Where a custom delimiter starts inside a word token, or -1. */
        private int delimiterInside(Token token) {
            if (delimiter.equals(";") || token.type() != Token.Type.WORD) {
                return -1;
            }
            int at = text.indexOf(delimiter, token.start() + 1);
            return at > token.start() && at < token.end() ? at : -1;
        }

        private void finishStatement() {
            if (first >= 0) {
                String statementText = text.substring(first, lastEnd);
                int line = lineOf(first);
                statements.add(new SqlStatement(script.path(), line, statementText, List.copyOf(suppressions)));
            }
            first = -1;
            blockDepth = 0;
            pendingBegin = false;
            afterEnd = false;
            suppressions.clear();
        }

        private int readDelimiterLine(int pos) {
            int end = LineEnds.next(text, pos);
            if (end < 0) {
                end = text.length();
            }
            String value = text.substring(pos + "DELIMITER".length(), end).trim();
            if (!value.isEmpty()) {
                delimiter = value.split("\\s+")[0];
            }
            return end;
        }

        private void readSuppression(Token comment) {
            Matcher m = IGNORE.matcher(comment.text());
            if (!m.find()) {
                return;
            }
            List<String> rules = Arrays.stream(m.group(2).split(","))
                    .map(r -> r.trim().toUpperCase(Locale.ROOT)).toList();
            String reason = m.group(3);
            if (comment.type() == Token.Type.BLOCK_COMMENT && reason.endsWith("*/")) {
                reason = reason.substring(0, reason.length() - 2);
            }
            reason = reason.strip().replaceFirst("^[-:—]+\\s*", "").strip();
            Suppression.Scope scope = m.group(1) == null ? Suppression.Scope.STATEMENT
                    : statements.isEmpty() ? Suppression.Scope.FILE : Suppression.Scope.MISPLACED_FILE;
            suppressions.add(new Suppression(rules, reason.isEmpty() ? null : reason, lineOf(comment.start()), scope));
        }

        private boolean atLineStart(int pos) {
            for (int i = pos - 1; i >= 0 && !LineEnds.isLineEnd(text.charAt(i)); i--) {
                if (!Character.isWhitespace(text.charAt(i))) {
                    return false;
                }
            }
            return true;
        }

        private boolean startsWithWord(int pos, String word) {
            int end = pos + word.length();
            return text.regionMatches(true, pos, word, 0, word.length())
                    && (end == text.length() || Character.isWhitespace(text.charAt(end)));
        }

        /** 1-based line in the script's file. */
        private int lineOf(int offset) {
            int idx = Arrays.binarySearch(lineStarts, offset);
            int line = idx >= 0 ? idx + 1 : -idx - 1;
            return line + script.firstLine() - 1;
        }
    }

}
