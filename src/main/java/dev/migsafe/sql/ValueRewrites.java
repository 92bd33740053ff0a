package dev.migsafe.sql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.migsafe.change.Change.DataChange.ValueRewrite;
import dev.migsafe.dialect.Dialect;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.CaseExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.WhenClause;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.expression.Parenthesis;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.update.UpdateSet;

/**
 * Finds the stored values an UPDATE renames: {@code SET c = 'new' WHERE c = 'old'} (or
 * {@code c IN ('a', 'b')}, among other conditions joined by AND), or {@code SET c = CASE c WHEN 'old'
 * THEN 'new' ... END}. Only code-like values count (a
 * status, a type, a setting's key: a word without blanks), as those are what an application compares
 * against; a data fix such as {@code SET filters = '[]' WHERE filters = ''} is not a rename.
 */
public final class ValueRewrites {

    private static final Pattern CODE_LIKE = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_.:-]{0,62}");

    private ValueRewrites() {
    }

    /** The rewrites of a parsed UPDATE. */
    static List<ValueRewrite> of(Update update, Dialect dialect) {
        Map<String, String> set = new LinkedHashMap<>();
        List<ValueRewrite> out = new ArrayList<>();
        if (update.getUpdateSets() != null) {
            for (UpdateSet s : update.getUpdateSets()) {
                if (s.getColumns().size() != 1 || s.getValues().size() != 1) {
                    continue;
                }
                String column = Names.last(s.getColumns().get(0).getColumnName(), dialect);
                Object value = s.getValues().get(0);
                if (value instanceof StringValue v) {
                    set.put(column, v.getValue());
                } else if (value instanceof CaseExpression c) {
                    out.addAll(caseRewrites(column, c, dialect));
                }
            }
        }
        out.addAll(of(set, update.getWhere(), dialect));
        return out;
    }

    /**
     * {@code SET c = CASE c WHEN 'a' THEN 'b' ... END} or {@code CASE WHEN c = 'a' THEN 'b' ... END}: one
     * rewrite per new value, from the old values mapped to it.
     */
    private static List<ValueRewrite> caseRewrites(String column, CaseExpression c, Dialect dialect) {
        boolean switchesOnColumn = c.getSwitchExpression() instanceof Column sw
                && Names.last(sw.getColumnName(), dialect).equals(column);
        if (c.getSwitchExpression() != null && !switchesOnColumn) {
            return List.of();
        }
        Map<String, List<String>> fromByTo = new LinkedHashMap<>();
        for (WhenClause when : c.getWhenClauses()) {
            if (!(when.getThenExpression() instanceof StringValue to)) {
                return List.of(); // a computed value: not a rename we can name
            }
            List<String> from;
            if (switchesOnColumn) {
                from = when.getWhenExpression() instanceof StringValue v ? List.of(v.getValue()) : null;
            } else {
                Map<String, List<String>> matched = new LinkedHashMap<>();
                matchedValues(when.getWhenExpression(), dialect, matched);
                from = matched.size() == 1 ? matched.get(column) : null;
            }
            if (from == null) {
                return List.of();
            }
            fromByTo.computeIfAbsent(to.getValue(), k -> new ArrayList<>()).addAll(from);
        }
        List<ValueRewrite> out = new ArrayList<>();
        fromByTo.forEach((to, from) -> {
            if (codeLike(to) && !from.contains(to) && from.stream().allMatch(ValueRewrites::codeLike)) {
                out.add(new ValueRewrite(column, List.copyOf(from), to));
            }
        });
        return out;
    }

    /**
     * The rewrites of an UPDATE given as its literal assignments (column as written -> value) and its
     * WHERE condition's text, as Liquibase's {@code <update>} carries them.
     */
    public static List<ValueRewrite> of(Map<String, String> literalsByColumn, String where, Dialect dialect) {
        if (where == null || where.isBlank() || literalsByColumn.isEmpty()) {
            return List.of();
        }
        Expression condition;
        try {
            condition = CCJSqlParserUtil.parseCondExpression(where);
        } catch (JSQLParserException | RuntimeException e) {
            return List.of(); // a condition we cannot read names no rename we could prove
        }
        Map<String, String> set = new LinkedHashMap<>();
        literalsByColumn.forEach((column, value) -> set.put(Names.last(column, dialect), value));
        return of(set, condition, dialect);
    }

    private static List<ValueRewrite> of(Map<String, String> set, Expression where, Dialect dialect) {
        if (where == null || set.isEmpty()) {
            return List.of();
        }
        Map<String, List<String>> matched = new LinkedHashMap<>();
        for (Expression conjunct : conjuncts(where, new ArrayList<>())) {
            matchedValues(conjunct, dialect, matched);
        }
        List<ValueRewrite> out = new ArrayList<>();
        set.forEach((column, to) -> {
            List<String> from = matched.get(column);
            if (from != null && codeLike(to) && !from.contains(to) && from.stream().allMatch(ValueRewrites::codeLike)) {
                out.add(new ValueRewrite(column, List.copyOf(from), to));
            }
        });
        return out;
    }

    private static List<Expression> conjuncts(Expression e, List<Expression> out) {
        if (e instanceof Parenthesis p) {
            return conjuncts(p.getExpression(), out);
        }
        if (e instanceof ParenthesedExpressionList<?> p && p.size() == 1) {
            return conjuncts((Expression) p.get(0), out);
        }
        if (e instanceof AndExpression and) {
            conjuncts(and.getLeftExpression(), out);
            conjuncts(and.getRightExpression(), out);
        } else {
            out.add(e);
        }
        return out;
    }

    /** {@code c = 'x'} or {@code c IN ('x', 'y')}: the column and the values its rows hold. */
    private static void matchedValues(Expression e, Dialect dialect, Map<String, List<String>> out) {
        if (e instanceof EqualsTo eq) {
            Expression l = eq.getLeftExpression();
            Expression r = eq.getRightExpression();
            if (l instanceof Column c && r instanceof StringValue v) {
                out.put(Names.last(c.getColumnName(), dialect), List.of(v.getValue()));
            } else if (r instanceof Column c && l instanceof StringValue v) {
                out.put(Names.last(c.getColumnName(), dialect), List.of(v.getValue()));
            }
        } else if (e instanceof InExpression in && !in.isNot() && in.getLeftExpression() instanceof Column c
                && in.getRightExpression() instanceof ExpressionList<?> list) {
            List<String> values = new ArrayList<>();
            for (Object item : list) {
                if (!(item instanceof StringValue v)) {
                    return;
                }
                values.add(v.getValue());
            }
            if (!values.isEmpty()) {
                out.put(Names.last(c.getColumnName(), dialect), values);
            }
        }
    }

    private static boolean codeLike(String value) {
        return CODE_LIKE.matcher(value).matches();
    }
}
