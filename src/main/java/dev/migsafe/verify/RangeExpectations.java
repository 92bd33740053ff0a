package dev.migsafe.verify;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migsafe.change.Change;
import dev.migsafe.change.ConstraintDef;
import dev.migsafe.verify.SchemaSnapshot.ColumnShape;
import dev.migsafe.verify.SchemaSnapshot.ForeignKeyShape;

/**
 * What the range expects of the data it finds, so that the seeded rows do not make it fail for
 * a reason real data would not: a text column the range casts ({@code filters::jsonb},
 * {@code ALTER COLUMN transitioned_at TYPE timestamp}) holds values of that type, and a column the
 * range turns into a foreign key holds no dangling reference. Seeding "filters_0" into a column that
 * real rows fill with JSON, or an invented id where a later foreign key expects a real one, would
 * fail the range on data no user has.
 */
final class RangeExpectations {

    static final RangeExpectations NONE = new RangeExpectations(Map.of(), Map.of(), Set.of());

    /** {@code filters::jsonb}; matched from the start of a name only, so a long word costs one pass. */
    private static final Pattern CAST = Pattern.compile("(?i)(?<![\\w$])([A-Za-z_][\\w$]*)\"?\\s*::\\s*([A-Za-z_][\\w ]*?)(?=[\\s),;\\[]|$)");
    private static final Pattern CAST_CALL = Pattern.compile("(?i)\\bCAST\\s*\\(\\s*(?:[\\w$\"]+\\.)*\"?([A-Za-z_][\\w$]*)\"?\\s+AS\\s+([A-Za-z_][\\w ]*?)\\s*\\)");
    /** {@code jobs.namespace_uuid = namespaces.uuid}: a join on table names (aliases are not resolved). */
    private static final Pattern JOIN = Pattern.compile("(?i)(?<![\\w.$\"])([A-Za-z_]\\w*)\\.([A-Za-z_]\\w*)\\s*=\\s*([A-Za-z_]\\w*)\\.([A-Za-z_]\\w*)(?![\\w.(])");
    private static final Pattern RETYPE = Pattern.compile("(?i)\\bALTER\\s+COLUMN\\s+\"?([A-Za-z_][\\w$]*)\"?\\s+(?:SET\\s+DATA\\s+)?TYPE\\s+([A-Za-z_]\\w*)");

    /** Casts to these keep any text: nothing to expect. */
    private static final Pattern TEXT_TYPES = Pattern.compile("(?:varchar|text|char|character|citext|name|bpchar)\\b");

    /** column name (lower case) -> the type the range casts it to */
    private final Map<String, String> castTo;
    /** "table.column" (lower case) -> the reference the range counts on: a foreign key it adds, or a join on a key */
    private final Map<String, ForeignKeyShape> references;
    /** "table.column" (lower case) of the older columns whose type the range changes (ALTER COLUMN TYPE, MODIFY, CHANGE COLUMN) */
    private final Set<String> retyped;

    private RangeExpectations(Map<String, String> castTo, Map<String, ForeignKeyShape> references, Set<String> retyped) {
        this.retyped = retyped;
        this.castTo = castTo;
        this.references = references;
    }

    /**
     * What the range expects of the rows of the older schema: the casts it makes, the foreign keys it
     * adds, and its joins on a table's key ({@code jobs.namespace_uuid = namespaces.uuid}), which are a
     * reference the data keeps even without a foreign key: the range's data migration counts on it.
     */
    static RangeExpectations of(ParsedRange range, SchemaSnapshot older) {
        Map<String, String> castTo = new HashMap<>();
        Map<String, ForeignKeyShape> references = new HashMap<>();
        Set<String> retyped = new HashSet<>();
        for (ParsedRange.Located l : range.statements()) {
            String text = l.parsed().statement().text();
            for (Pattern p : new Pattern[] {CAST, CAST_CALL, RETYPE}) {
                Matcher m = p.matcher(text);
                while (m.find()) {
                    castTo.putIfAbsent(m.group(1).toLowerCase(Locale.ROOT), m.group(2).trim().toLowerCase(Locale.ROOT));
                }
            }
            for (Change change : l.parsed().changes()) {
                if (change instanceof Change.AlterColumnType t) {
                    retyped.add(key(t.table(), t.column()));
                } else if (change instanceof Change.RedefineColumn r) {
                    retyped.add(key(r.table(), r.oldName()));
                }
                if (change instanceof Change.AddConstraint a && a.constraint().kind() == ConstraintDef.Kind.FOREIGN_KEY
                        && a.constraint().refColumns().size() == a.constraint().columns().size()) {
                    ConstraintDef fk = a.constraint();
                    ForeignKeyShape shape = new ForeignKeyShape(fk.name(), fk.columns().stream().map(RangeExpectations::lower).toList(),
                            unqualified(fk.refTable()), fk.refColumns().stream().map(RangeExpectations::lower).toList());
                    fk.columns().forEach(c -> references.putIfAbsent(key(a.table(), c), shape));
                }
            }
            Matcher join = JOIN.matcher(text);
            while (join.find()) {
                addJoin(references, older, lower(join.group(1)), lower(join.group(2)), lower(join.group(3)), lower(join.group(4)));
                addJoin(references, older, lower(join.group(3)), lower(join.group(4)), lower(join.group(1)), lower(join.group(2)));
            }
        }
        return new RangeExpectations(castTo, references, retyped);
    }

    /** {@code table.column = refTable.refColumn} is a reference when refColumn alone is refTable's key (and column is not table's). */
    private static void addJoin(Map<String, ForeignKeyShape> references, SchemaSnapshot older, String table, String column,
                                String refTable, String refColumn) {
        SchemaSnapshot.TableShape referencing = older.tables().get(table);
        SchemaSnapshot.TableShape referenced = older.tables().get(refTable);
        if (referenced != null && referencing != null && referencing.column(column).isPresent()
                && referenced.rowKey().equals(List.of(refColumn)) && !referencing.rowKey().equals(List.of(column))) {
            references.putIfAbsent(key(table, column), new ForeignKeyShape("range join", List.of(column), refTable, List.of(refColumn)));
        }
    }

    /**
     * Whether the range changes the type of this older column: where a narrowing, a truncation or a
     * lossy conversion can happen, so the seed puts a value at the limit of the older type there.
     */
    boolean retypes(String table, String column) {
        return retyped.contains(key(table, column));
    }

    /** The reference the range counts on for this column, when the older schema has no key for it: seed it with real references. */
    Optional<ForeignKeyShape> expectedReference(String table, String column) {
        return Optional.ofNullable(references.get(key(table, column)));
    }

    /**
     * The value to seed instead of the type's own for this column, or {@code keep} when the range
     * expects nothing of it: null where the column allows it (a cast accepts null), else a value of
     * the type the range casts it to.
     */
    Object value(ColumnShape column, int row, Object keep) {
        String cast = castTo.get(lower(column.name()));
        // only text holds what the range must cast; a value of another type has the shape real rows have
        if (cast == null || !(keep instanceof String) || TEXT_TYPES.matcher(cast).lookingAt()
                || !TEXT_TYPES.matcher(column.type().toLowerCase(Locale.ROOT)).lookingAt()) {
            return keep;
        }
        if (column.nullable()) {
            return null;
        }
        return literal(cast, row, keep);
    }

    /** A text the cast to {@code type} accepts. */
    private static Object literal(String type, int row, Object keep) {
        if (type.startsWith("json")) {
            return "[]";
        }
        if (type.startsWith("timestamp") || type.equals("date")) {
            return "2024-01-0" + (1 + row % 9) + (type.equals("date") ? "" : " 00:00:00");
        }
        if (type.startsWith("int") || type.equals("bigint") || type.equals("smallint") || type.startsWith("numeric")
                || type.startsWith("decimal") || type.startsWith("float") || type.equals("real")) {
            return Integer.toString(row + 1);
        }
        if (type.startsWith("bool")) {
            return row % 2 == 0 ? "true" : "false";
        }
        if (type.equals("uuid")) {
            return String.format(Locale.ROOT, "00000000-0000-0000-0000-%012d", row + 1);
        }
        return keep;
    }

    private static String key(String table, String column) {
        return unqualified(table) + "." + lower(column);
    }

    private static String unqualified(String table) {
        String t = lower(table);
        return t.startsWith("public.") ? t.substring("public.".length()) : t;
    }

    private static String lower(String name) {
        return name.replace("\"", "").replace("`", "").toLowerCase(Locale.ROOT);
    }
}
