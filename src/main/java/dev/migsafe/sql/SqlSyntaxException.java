package dev.migsafe.sql;

/** A script that cannot be split into statements. Message: one line, naming file, line and fix. */
public class SqlSyntaxException extends dev.migsafe.BadInputException {
    private final String file;
    private final int line;

    public SqlSyntaxException(String file, int line, String message) {
        super(file + ":" + line + ": " + message);
        this.file = file;
        this.line = line;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }
}
