package dev.migsafe.sql;

import java.util.List;

/**
 * Tells a cosmetic edit of a script from a semantic one: the same statements, token for token, once
 * whitespace and comments (a licence header, a reworded comment, re-indentation) are left out.
 */
public final class StatementComparison {
    private StatementComparison() {
    }

    public static boolean sameCode(List<ParsedStatement> a, List<ParsedStatement> b, Dialect dialect) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!code(a.get(i), dialect).equals(code(b.get(i), dialect))) {
                return false;
            }
        }
        return true;
    }

    private static List<String> code(ParsedStatement statement, Dialect dialect) {
        try {
            return SqlLexer.significant(statement.statement().text(), dialect).stream().map(Token::text).toList();
        } catch (RuntimeException e) {
            return List.of(statement.statement().text().strip()); // not lexable: compare as written
        }
    }
}
