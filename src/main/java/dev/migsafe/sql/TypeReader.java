package dev.migsafe.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.migsafe.change.Change;
import dev.migsafe.change.SqlType;

/** PostgreSQL user types and domains: CREATE TYPE, ALTER TYPE, CREATE DOMAIN, ALTER DOMAIN. */
final class TypeReader {

    private TypeReader() {
    }

    /** CREATE TYPE name AS ENUM (...) or another form (composite, range, base) as Other. */
    static List<Change> createType(TokenCursor c) {
        c.expect("TYPE");
        String name = c.name();
        if (c.accept("AS", "ENUM")) {
            List<String> values = new ArrayList<>();
            for (TokenCursor item : c.parenthesisedList()) {
                values.add(item.next().stringValue(c.dialect()));
            }
            return List.of(new Change.CreateEnumType(name, values));
        }
        c.restText();
        return List.of(new Change.Other("CREATE TYPE", name));
    }

    /** ALTER TYPE name ADD VALUE / RENAME VALUE / RENAME TO, or another form as Other. */
    static List<Change> alterType(TokenCursor c) {
        c.expect("TYPE");
        String name = c.name();
        if (c.accept("ADD", "VALUE")) {
            boolean ifNotExists = c.accept("IF", "NOT", "EXISTS");
            String value = c.next().stringValue(c.dialect());
            String before = c.accept("BEFORE") ? c.next().stringValue(c.dialect()) : null;
            String after = c.accept("AFTER") ? c.next().stringValue(c.dialect()) : null;
            return List.of(new Change.AddEnumValue(name, value, before, after, ifNotExists));
        }
        if (c.accept("RENAME", "VALUE")) {
            String from = c.next().stringValue(c.dialect());
            c.expect("TO");
            return List.of(new Change.RenameEnumValue(name, from, c.next().stringValue(c.dialect())));
        }
        return renameOrOther(c, name, "ALTER TYPE");
    }

    /** CREATE DOMAIN name [AS] type [COLLATE c] [DEFAULT e] [[CONSTRAINT n] NOT NULL | NULL | CHECK (e)]... */
    static List<Change> createDomain(TokenCursor c) {
        c.expect("DOMAIN");
        String name = c.name();
        c.accept("AS");
        String typeText = c.textUntil(Set.of("COLLATE", "DEFAULT", "CONSTRAINT", "NOT", "NULL", "CHECK"));
        if (typeText == null) {
            throw new NotUnderstoodException("domain " + name + " has no type");
        }
        SqlType type = TypeNames.parse(typeText, c.dialect());
        boolean notNull = false;
        List<String> checks = new ArrayList<>();
        while (!c.atEnd()) {
            if (c.accept("CONSTRAINT")) {
                c.identifier();
            } else if (c.accept("NOT", "NULL")) {
                notNull = true;
            } else if (c.accept("NULL")) {
                notNull = false;
            } else if (c.accept("COLLATE")) {
                c.next();
            } else if (c.accept("DEFAULT")) {
                ColumnReader.readDefault(c);
            } else if (c.at("CHECK")) {
                checks.add(ConstraintReader.check(c, null).expression());
            } else {
                throw new NotUnderstoodException("unknown domain option " + c.near());
            }
        }
        return List.of(new Change.CreateDomain(name, type, notNull, checks.isEmpty() ? null : String.join(" AND ", checks)));
    }

    /** ALTER DOMAIN name RENAME TO x, or another form (constraints, defaults) as Other. */
    static List<Change> alterDomain(TokenCursor c) {
        c.expect("DOMAIN");
        return renameOrOther(c, c.name(), "ALTER DOMAIN");
    }

    private static List<Change> renameOrOther(TokenCursor c, String name, String kind) {
        if (c.accept("RENAME", "TO")) {
            return List.of(new Change.RenameType(name, c.name()));
        }
        if (c.accept("SET", "SCHEMA")) {
            String schema = c.identifier();
            return List.of(new Change.RenameType(name, "public".equals(schema) ? name : schema + "." + name));
        }
        c.restText();
        return List.of(new Change.Other(kind, name));
    }
}
