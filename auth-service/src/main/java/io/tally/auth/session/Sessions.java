package io.tally.auth.session;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.tally.service.security.Secrets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Sign-in sessions: an access token and an opaque refresh token, of which only the SHA-256 is
 * kept. Each refresh replaces the refresh token by a new one of the same session (family);
 * presenting a replaced one again means it was copied, and the caller ends the account's
 * sessions. A session lasts at most {@code session-max-lifetime}, however often it is refreshed.
 * This is the only writer of the {@code refresh_tokens} table.
 */
@Component
public class Sessions {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final AccessTokens accessTokens;
    private final Clock clock;
    private final Duration refreshLifetime;
    private final Duration sessionMaxLifetime;

    Sessions(JdbcTemplate jdbc, TransactionTemplate transactions, AccessTokens accessTokens, Clock clock,
             @Value("${tally.tokens.refresh-token-lifetime}") Duration refreshLifetime,
             @Value("${tally.tokens.session-max-lifetime}") Duration sessionMaxLifetime) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.accessTokens = accessTokens;
        this.clock = clock;
        this.refreshLifetime = refreshLifetime;
        this.sessionMaxLifetime = sessionMaxLifetime;
    }

    /** What a sign-in or a refresh answers; the refresh token is shown here only. */
    public record Tokens(
            @Schema(requiredMode = RequiredMode.REQUIRED,
                    pattern = "^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$",
                    description = "An RS256 JWT for `Authorization: Bearer`.",
                    example = "eyJhbGciOiJSUzI1NiIsImtpZCI6ImQ3ZjNlMWE5LTRiNmMtNGUyZC04ZjBhLTFjM2U1YTdiOWQyZiJ9"
                            + ".eyJzdWIiOiI1YjFlMGMzYS0yZjRkLTRhOGUtYjZjNy05ZDBlMWYyYTNiNGMi"
                            + "LCJyb2xlIjoiUExBVEZPUk1fQURNSU4ifQ"
                            + ".dGhlIFJTMjU2IHNpZ25hdHVyZQ")
            String accessToken,
            @Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = "Bearer", example = "Bearer")
            String tokenType,
            @Schema(requiredMode = RequiredMode.REQUIRED, minimum = "1",
                    description = "The access token's lifetime in seconds.", example = "900")
            long expiresIn,
            @Schema(requiredMode = RequiredMode.REQUIRED, pattern = "^[A-Za-z0-9_-]{43}$",
                    description = "For `POST /api/v1/auth/refresh`, once: a refresh answers a new one.",
                    example = "QlzNoaGEJimNqqlGKgKmER-YVgcVRjTa-mFnlf3vcOU")
            String refreshToken,
            @Schema(requiredMode = RequiredMode.REQUIRED, minimum = "0",
                    description = "The refresh token's lifetime in seconds, within the session's maximum.",
                    example = "43200")
            long refreshExpiresIn) {
    }

    /** A refresh either gives new tokens, or is refused; {@code reusedBy} names the account of a replayed token. */
    public record Refresh(Optional<Tokens> tokens, Optional<String> reusedBy) {
        static Refresh refused() {
            return new Refresh(Optional.empty(), Optional.empty());
        }
    }

    public Tokens start(SessionAccount account) {
        Instant now = clock.instant();
        return issue(account, UUID.randomUUID(), now, now.plus(sessionMaxLifetime));
    }

    /**
     * The refresh token's session goes on with new tokens, unless the token is unknown, revoked, expired or
     * replaced, or its account ({@code accounts} finds it by id) is gone, disabled or ended its sessions since.
     */
    public Refresh refresh(String refreshToken, Function<String, Optional<? extends SessionAccount>> accounts) {
        return transactions.execute(status -> {
            Optional<StoredToken> stored = jdbc.query("""
                            SELECT family_id, account_id, issued_at, expires_at, family_expires_at, replaced_at,
                                   revoked_at
                            FROM refresh_tokens WHERE token_sha256 = ? FOR UPDATE""",
                    (row, index) -> new StoredToken(row.getObject("family_id", UUID.class),
                            row.getString("account_id"), row.getTimestamp("issued_at").toInstant(),
                            row.getTimestamp("expires_at").toInstant(),
                            row.getTimestamp("family_expires_at").toInstant(),
                            row.getTimestamp("replaced_at") != null, row.getTimestamp("revoked_at") != null),
                    Secrets.sha256(refreshToken)).stream().findFirst();
            if (stored.isEmpty() || stored.get().revoked()) {
                return Refresh.refused();
            }
            StoredToken token = stored.get();
            if (token.replaced()) {
                return new Refresh(Optional.empty(), Optional.of(token.accountId()));
            }
            Instant now = clock.instant();
            Optional<? extends SessionAccount> account = accounts.apply(token.accountId());
            if (!now.isBefore(token.expiresAt()) || account.isEmpty() || !account.get().enabled()
                    || endedBefore(account.get(), token.issuedAt())) {
                return Refresh.refused();
            }
            jdbc.update("UPDATE refresh_tokens SET replaced_at = ? WHERE token_sha256 = ?",
                    Timestamp.from(now), Secrets.sha256(refreshToken));
            return new Refresh(Optional.of(issue(account.get(), token.familyId(), now, token.familyExpiresAt())),
                    Optional.empty());
        });
    }

    /** The account's sessions ended: its refresh tokens die with them. */
    public void endAll(String accountId, Instant endedAt) {
        jdbc.update("UPDATE refresh_tokens SET revoked_at = ? WHERE account_id = ? AND revoked_at IS NULL",
                Timestamp.from(endedAt), UUID.fromString(accountId));
    }

    private static boolean endedBefore(SessionAccount account, Instant issuedAt) {
        return account.sessionsNotBefore() != null && issuedAt.isBefore(account.sessionsNotBefore());
    }

    private Tokens issue(SessionAccount account, UUID familyId, Instant now, Instant familyExpiresAt) {
        String refreshToken = Secrets.newToken();
        Instant expiresAt = now.plus(refreshLifetime);
        if (expiresAt.isAfter(familyExpiresAt)) {
            expiresAt = familyExpiresAt;
        }
        // Dated like the access token: never before the account's last revocation.
        Instant issuedAt = AccessTokens.issueTime(account, now);
        jdbc.update("""
                        INSERT INTO refresh_tokens (token_sha256, family_id, account_id, issued_at, expires_at,
                                                    family_expires_at)
                        VALUES (?, ?, ?, ?, ?, ?)""",
                Secrets.sha256(refreshToken), familyId, UUID.fromString(account.accountId()),
                Timestamp.from(issuedAt), Timestamp.from(expiresAt), Timestamp.from(familyExpiresAt));
        return new Tokens(accessTokens.issue(account, familyId.toString()), "Bearer",
                accessTokens.lifetime().toSeconds(), refreshToken, Duration.between(now, expiresAt).toSeconds());
    }

    private record StoredToken(UUID familyId, String accountId, Instant issuedAt, Instant expiresAt,
                               Instant familyExpiresAt, boolean replaced, boolean revoked) {
    }
}
