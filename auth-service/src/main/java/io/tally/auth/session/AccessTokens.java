package io.tally.auth.session;

import io.tally.auth.keys.SigningKeys;
import io.tally.service.web.Caller;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Short-lived RS256 access tokens: issuer, audience, subject, role, platform (none for the
 * provider), the session id and the issue time. Every service and the gateway check them against
 * the JWKS; the services also check the audience.
 * They also name the account's username ({@code preferred_username}, as sign-in compares it: in
 * lower case) so that the console can show who is signed in without asking a service.
 */
@Component
class AccessTokens {

    static final String SESSION_CLAIM = "sid";
    /** The standard OpenID Connect claim for a name to show; nothing authorizes by it. */
    static final String USERNAME_CLAIM = "preferred_username";

    private final JwtEncoder encoder;
    private final SigningKeys keys;
    private final Clock clock;
    private final String issuer;
    private final String audience;
    private final Duration lifetime;

    AccessTokens(JwtEncoder encoder, SigningKeys keys, Clock clock,
                 @Value("${tally.tokens.issuer}") String issuer,
                 @Value("${tally.tokens.audience}") String audience,
                 @Value("${tally.tokens.access-token-lifetime}") Duration lifetime) {
        this.encoder = encoder;
        this.keys = keys;
        this.clock = clock;
        this.issuer = issuer;
        this.audience = audience;
        this.lifetime = lifetime;
    }

    Duration lifetime() {
        return lifetime;
    }

    /**
     * The issue time is never before the instant the account's sessions last ended (at most a
     * second ahead of the clock, see {@code Account}): a token issued just after a revocation
     * must not look like one issued before it.
     */
    String issue(SessionAccount account, String sessionId) {
        Instant issuedAt = issueTime(account, clock.instant());
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(issuer)
                .audience(List.of(audience))
                .subject(account.accountId())
                .claim(Caller.ROLE_CLAIM, account.roleName())
                .claim(SESSION_CLAIM, sessionId)
                .claim(USERNAME_CLAIM, account.usernameKey())
                .issuedAt(issuedAt)
                .expiresAt(issuedAt.plus(lifetime));
        if (account.platformId() != null) {
            claims.claim(Caller.PLATFORM_CLAIM, account.platformId());
        }
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(keys.current().getKeyID()).build();
        return encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
    }

    /** Now, or the account's last revocation when that is (by less than a second) later. */
    static Instant issueTime(SessionAccount account, Instant now) {
        return account.sessionsNotBefore() != null && now.isBefore(account.sessionsNotBefore())
                ? account.sessionsNotBefore() : now;
    }
}
