package dev.migsafe.rules;

/** Rule categories as they appear in reports. Only BACKWARD_COMPATIBILITY errors decide the verdict. */
public enum Category {
    BACKWARD_COMPATIBILITY("backward-compatibility"),
    DATA_LOSS("data-loss"),
    ROLLBACK("rollback"),
    HISTORY("history"),
    PARSE("parse"),
    LOCKING("locking"),
    CONFIGURATION("configuration");

    private final String id;

    Category(String id) { this.id = id; }

    public String id() { return id; }
}
