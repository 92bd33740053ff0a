package dev.migsafe.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JdbcParametersTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            SELECT * FROM pet WHERE species = :species ORDER BY name | SELECT * FROM pet WHERE species = ? ORDER BY name
            SELECT * FROM pet WHERE id = ?1 AND name = ?2             | SELECT * FROM pet WHERE id = ? AND name = ?
            SELECT * FROM pet WHERE id = ?                            | SELECT * FROM pet WHERE id = ?
            SELECT created::date FROM pet WHERE id = :id              | SELECT created::date FROM pet WHERE id = ?
            SELECT ':not' FROM pet WHERE a = 'it''s :x' AND b = :b    | SELECT ':not' FROM pet WHERE a = 'it''s :x' AND b = ?
            SELECT "a:b" FROM pet /* :c */ WHERE d = :d               | SELECT "a:b" FROM pet /* :c */ WHERE d = ?
            SELECT `x:y` FROM pet WHERE e IN (:ids)                   | SELECT `x:y` FROM pet WHERE e IN (?)
            """)
    void namedAndNumberedParametersBecomeQuestionMarks(String code, String jdbc) {
        assertEquals(jdbc, JdbcParameters.positional(code));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            SELECT 1 -- :comment
            SELECT ':unterminated
            """)
    void commentsAndUnterminatedTextStay(String sql) {
        assertEquals(sql, JdbcParameters.positional(sql));
    }
}
