package io.tally.auth.platform;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.UUID;

/**
 * Set validation for platforms: one platform per name, ignoring case. The claim joins the
 * command's transaction, so it commits or rolls back together with the creating event; a
 * concurrent claim of the same name waits on the unique key and then finds it taken.
 */
@Component
public class PlatformNameRegistry {

    private final JdbcTemplate jdbc;

    public PlatformNameRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** True when the name was free and now belongs to the platform. */
    public boolean claim(String name, String platformId) {
        return jdbc.update("""
                        INSERT INTO platform_names (name_key, platform_id) VALUES (?, ?)
                        ON CONFLICT (name_key) DO NOTHING""",
                name.toLowerCase(Locale.ROOT), UUID.fromString(platformId)) == 1;
    }

    /** Every platform claims its name in its creating transaction, so this knows every platform. */
    public boolean exists(String platformId) {
        Integer count = jdbc.queryForObject("SELECT count(*) FROM platform_names WHERE platform_id = ?",
                Integer.class, UUID.fromString(platformId));
        return count != null && count > 0;
    }
}
