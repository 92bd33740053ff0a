package dev.migsafe.rules.locking;

import java.util.List;

import dev.migsafe.change.Change;
import dev.migsafe.change.ColumnDef;
import dev.migsafe.change.ConstraintDef;
import dev.migsafe.change.SqlType;
import dev.migsafe.rules.ServerVersion;
import dev.migsafe.schema.Column;

/**
 * The cheapest way InnoDB can run one ALTER TABLE action on the configured MySQL / MariaDB version
 * (MySQL 8.0 "Online DDL Operations"; MariaDB "InnoDB Online DDL Operations"):
 * <ul>
 *   <li>INSTANT: metadata only;</li>
 *   <li>INPLACE: rebuilt or changed in place while reads and writes go on (LOCK=NONE);</li>
 *   <li>BLOCKING: in place but writes wait (LOCK=SHARED), e.g. adding an AUTO_INCREMENT column;</li>
 *   <li>COPY: the table is copied row by row while writes wait.</li>
 * </ul>
 */
enum MySqlAlgorithm {
    INSTANT, INPLACE, BLOCKING, COPY;

    /** The algorithm and why, for one change; null when the change is no ALTER TABLE action this knows. */
    record Verdict(MySqlAlgorithm algorithm, String why) {
    }

    static Verdict of(Change change, Column before, ServerVersion v, boolean foreignKeyChecksOff) {
        if (change instanceof Change.AddColumn c) {
            return addColumn(c.column(), v);
        }
        if (change instanceof Change.DropColumn) {
            return new Verdict(instantDropColumn(v) ? INSTANT : INPLACE, "DROP COLUMN");
        }
        if (change instanceof Change.RenameColumn) {
            return new Verdict(INPLACE, "RENAME COLUMN");
        }
        if (change instanceof Change.SetDefault || change instanceof Change.DropDefault) {
            return new Verdict(INSTANT, "changing a default");
        }
        if (change instanceof Change.RedefineColumn c) {
            return retype(before, c.column().type(), v);
        }
        if (change instanceof Change.AlterColumnType c) {
            return retype(before, c.type(), v);
        }
        if (change instanceof Change.AddConstraint c) {
            ConstraintDef k = c.constraint();
            return switch (k.kind()) {
                case FOREIGN_KEY -> foreignKeyChecksOff ? new Verdict(INPLACE, "ADD FOREIGN KEY with foreign_key_checks=0")
                        : new Verdict(COPY, "ADD FOREIGN KEY with foreign_key_checks on copies the table");
                case CHECK -> new Verdict(COPY, "ADD CHECK checks every row through a table copy");
                default -> new Verdict(INPLACE, "adding a " + k.kind().name().replace('_', ' ') + " index");
            };
        }
        if (change instanceof Change.CreateIndex || change instanceof Change.DropIndex
                || change instanceof Change.DropConstraint || change instanceof Change.RenameIndex) {
            return new Verdict(INPLACE, "index change");
        }
        if (change instanceof Change.Other o && o.kind().startsWith("ALTER TABLE CONVERT")) {
            return new Verdict(COPY, "CONVERT TO CHARACTER SET re-encodes every row through a table copy");
        }
        if (change instanceof Change.Other o && o.kind().startsWith("ALTER TABLE ORDER")) {
            return new Verdict(COPY, "ORDER BY copies the table");
        }
        return null;
    }

    private static Verdict addColumn(ColumnDef col, ServerVersion v) {
        if (col.generated()) {
            return new Verdict(BLOCKING, "adding an AUTO_INCREMENT or STORED generated column blocks writes "
                    + "(AUTO_INCREMENT: LOCK=SHARED; STORED: a table copy)");
        }
        boolean instant = v.mariadb() ? v.atLeast(10, 3, 2) : v.atLeast(8, 0, 12);
        return new Verdict(instant ? INSTANT : INPLACE, "ADD COLUMN");
    }

    private static boolean instantDropColumn(ServerVersion v) {
        return v.mariadb() ? v.atLeast(10, 4) : v.atLeast(8, 0, 29);
    }

    /** MODIFY / CHANGE COLUMN: only a type change can need a copy; nullability changes rebuild in place. */
    private static Verdict retype(Column before, SqlType to, ServerVersion v) {
        if (before == null || before.type() == null || to == null || before.type().sameAs(to)) {
            return new Verdict(INPLACE, "redefining a column without changing its type");
        }
        SqlType from = before.type();
        if (isVarchar(from) && isVarchar(to) && from.length() != null && to.length() != null
                && to.length() >= from.length() && lengthBytes(from) == lengthBytes(to)) {
            return new Verdict(v.mariadb() && v.atLeast(10, 4) ? INSTANT : INPLACE, "extending a VARCHAR");
        }
        if (!from.enumValues().isEmpty() && !to.enumValues().isEmpty() && from.base().equals(to.base())
                && appends(from.enumValues(), to.enumValues()) && sameStorage(from, to)) {
            return new Verdict(INSTANT, "adding " + from.base().toUpperCase() + " values at the end");
        }
        return new Verdict(COPY, "changing the column type from " + from + " to " + to + " copies the table");
    }

    private static boolean isVarchar(SqlType t) {
        return t.base().equals("varchar");
    }

    /** VARCHAR stores its length in 1 byte up to 255 bytes, else 2 (utf8mb4 assumed: 4 bytes a character). */
    private static int lengthBytes(SqlType t) {
        return t.length() * 4 <= 255 ? 1 : 2;
    }

    static boolean appends(List<String> from, List<String> to) {
        return to.size() >= from.size() && to.subList(0, from.size()).equals(from);
    }

    /** ENUM uses 1 byte up to 255 values; SET one byte per 8 members (1, 2, 3, 4 or 8 bytes). */
    private static boolean sameStorage(SqlType from, SqlType to) {
        if (from.base().equals("enum")) {
            return (from.enumValues().size() <= 255) == (to.enumValues().size() <= 255);
        }
        return setBytes(from.enumValues().size()) == setBytes(to.enumValues().size());
    }

    private static int setBytes(int members) {
        int bytes = (members + 7) / 8;
        return bytes > 4 ? 8 : bytes;
    }
}
