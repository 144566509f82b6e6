package io.tally.customer.customer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.UUID;

/**
 * Set validation for accounts: one email per platform, ignoring case. The claim joins the
 * command's transaction, so it commits or rolls back together with the creating event; a
 * concurrent claim of the same email waits on the unique key and then finds it taken.
 * The only writer of customer_emails.
 */
@Component
class EmailRegistry {

    private final JdbcTemplate jdbc;

    EmailRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** True when the email was free on the platform and now belongs to the customer. */
    boolean claim(String platformId, String email, String customerId) {
        return jdbc.update("""
                        INSERT INTO customer_emails (platform_id, email_key, customer_id) VALUES (?, ?, ?)
                        ON CONFLICT (platform_id, email_key) DO NOTHING""",
                UUID.fromString(platformId), key(email), UUID.fromString(customerId)) == 1;
    }

    /** The form in which an email is unique on a platform: trimmed and lower-cased. */
    static String key(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
