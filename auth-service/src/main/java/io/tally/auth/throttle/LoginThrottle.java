package io.tally.auth.throttle;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Limits failed sign-ins, in PostgreSQL so that every instance counts together. Per username
 * (known or not, so that a lock does not tell whether an account exists): {@code max-failures}
 * failures within {@code lock-duration} lock it for {@code lock-duration}. Per client address:
 * at most {@code address-max-failures} failures an hour, whatever the usernames. Both counters
 * are updated by single atomic statements, so concurrent failures are each counted once.
 */
@Component
public class LoginThrottle {

    private static final Duration ADDRESS_WINDOW = Duration.ofHours(1);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final int maxFailures;
    private final Duration lockDuration;
    private final int addressMaxFailures;

    LoginThrottle(JdbcTemplate jdbc, Clock clock,
                  @Value("${tally.login-throttle.max-failures}") int maxFailures,
                  @Value("${tally.login-throttle.lock-duration}") Duration lockDuration,
                  @Value("${tally.login-throttle.address-max-failures}") int addressMaxFailures) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lockDuration = lockDuration;
        this.addressMaxFailures = addressMaxFailures;
    }

    public Duration lockDuration() {
        return lockDuration;
    }

    /** A failure that locked the username: until when, after how many failures. */
    public record Lock(Instant until, int failures) {
    }

    /** How long sign-ins of this username or from this address are refused, if they are. */
    public Optional<Duration> refusal(String usernameScope, String address) {
        Instant now = clock.instant();
        Optional<Instant> lockedUntil = jdbc.query("""
                        SELECT locked_until FROM login_failures WHERE username_scope = ? AND locked_until > ?""",
                (row, index) -> row.getTimestamp("locked_until").toInstant(),
                usernameScope, Timestamp.from(now)).stream().findFirst();
        Optional<Instant> addressFreeAt = jdbc.query("""
                        SELECT window_started_at FROM address_failures
                        WHERE address = ? AND failures >= ? AND window_started_at > ?""",
                (row, index) -> row.getTimestamp("window_started_at").toInstant().plus(ADDRESS_WINDOW),
                address, addressMaxFailures, Timestamp.from(now.minus(ADDRESS_WINDOW))).stream().findFirst();
        return Stream.of(lockedUntil, addressFreeAt).flatMap(Optional::stream).max(Comparator.naturalOrder())
                .map(until -> Duration.between(now, until));
    }

    /** Counts a failure; returns the lock when this failure was the one that locked the username. */
    public Optional<Lock> failed(String usernameScope, String address) {
        Instant now = clock.instant();
        Timestamp nowAt = Timestamp.from(now);
        jdbc.update("""
                        INSERT INTO address_failures (address, failures, window_started_at) VALUES (?, 1, ?)
                        ON CONFLICT (address) DO UPDATE SET
                            failures = CASE WHEN address_failures.window_started_at <= ? THEN 1
                                            ELSE address_failures.failures + 1 END,
                            window_started_at = CASE WHEN address_failures.window_started_at <= ? THEN ?
                                                     ELSE address_failures.window_started_at END""",
                address, nowAt, Timestamp.from(now.minus(ADDRESS_WINDOW)), Timestamp.from(now.minus(ADDRESS_WINDOW)),
                nowAt);
        Timestamp windowStart = Timestamp.from(now.minus(lockDuration));
        Integer failures = jdbc.queryForObject("""
                        INSERT INTO login_failures (username_scope, failures, window_started_at) VALUES (?, 1, ?)
                        ON CONFLICT (username_scope) DO UPDATE SET
                            failures = CASE WHEN login_failures.window_started_at <= ? THEN 1
                                            ELSE login_failures.failures + 1 END,
                            window_started_at = CASE WHEN login_failures.window_started_at <= ? THEN ?
                                                     ELSE login_failures.window_started_at END
                        RETURNING failures""",
                Integer.class, usernameScope, nowAt, windowStart, windowStart, nowAt);
        // Exactly one failure reaches the limit, however many arrive together.
        if (failures == null || failures != maxFailures) {
            return Optional.empty();
        }
        Instant until = now.plus(lockDuration);
        // The count starts again: after the lock, the next failures are counted towards the next one.
        jdbc.update("""
                        UPDATE login_failures SET locked_until = ?, failures = 0, window_started_at = ?
                        WHERE username_scope = ?""", Timestamp.from(until), nowAt, usernameScope);
        return Optional.of(new Lock(until, failures));
    }

    /** A successful sign-in forgets the username's failures (not the address's). */
    public void succeeded(String usernameScope) {
        jdbc.update("DELETE FROM login_failures WHERE username_scope = ?", usernameScope);
    }
}
