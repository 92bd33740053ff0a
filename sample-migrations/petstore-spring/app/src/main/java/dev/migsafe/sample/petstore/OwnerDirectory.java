package dev.migsafe.sample.petstore;

import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Look-ups that bypass JPA: plain SQL through JdbcTemplate. */
@Component
public class OwnerDirectory {

    private final JdbcTemplate jdbc;

    public OwnerDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> nameByEmail(String email) {
        return jdbc.query("SELECT name FROM owner WHERE email = ?", (rs, row) -> rs.getString(1), email)
                .stream().findFirst();
    }

    public int petCount(long ownerId) {
        Integer count = jdbc.queryForObject("SELECT count(*) FROM pet WHERE owner_id = ?", Integer.class, ownerId);
        return count == null ? 0 : count;
    }
}
