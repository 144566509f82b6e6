package io.tally.customer.invitation;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.tally.contracts.customer.RegistrationRejectionReason;
import io.tally.customer.invitation.InvitationProjection.InvitationView;
import io.tally.service.security.Secrets;
import io.tally.service.web.BadRequestException;
import io.tally.service.web.Caller;
import io.tally.service.web.Dispatcher;
import io.tally.service.web.Ids;
import io.tally.service.web.QueryParameters;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The invitation slice's application service: an admin issues, lists, finds and revokes invitation links; a
 * registration, which the registration slice judges, asks whether it may use an invitation and uses it.
 */
@Component
public class Invitations {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;
    static final int MAX_OFFSET = 100_000;

    /** How long a link is valid when the admin does not say. */
    static final int DEFAULT_EXPIRY_DAYS = 7;

    private final Dispatcher dispatcher;
    private final InvitationProjection projection;
    private final Repository<Invitation> repository;
    private final Clock clock;
    private final String publicBaseUrl;

    Invitations(Dispatcher dispatcher, InvitationProjection projection, Repository<Invitation> invitationRepository,
                Clock clock, @Value("${tally.public-base-url}") String publicBaseUrl) {
        this.dispatcher = dispatcher;
        this.projection = projection;
        this.repository = invitationRepository;
        this.clock = clock;
        this.publicBaseUrl = publicBaseUrl;
    }

    /** The link, shown only in this answer: the service keeps its digest alone. */
    public record IssuedInvitation(
            @Schema(requiredMode = RequiredMode.REQUIRED, format = "uuid",
                    example = "7c9e6679-7425-40de-944b-e07fc1f90ae7")
            String id,
            @Schema(requiredMode = RequiredMode.REQUIRED, format = "uri",
                    description = "The registration page with the token.",
                    example = "https://tally.example/register?invitation=G52zwaaG8D9FvEFKuxKoc013r99lZMfoHkM53uZQW84")
            String link,
            @Schema(requiredMode = RequiredMode.REQUIRED, pattern = "^[A-Za-z0-9_-]{43}$",
                    description = "The link's token: the `invitationToken` a registration sends.",
                    example = "G52zwaaG8D9FvEFKuxKoc013r99lZMfoHkM53uZQW84")
            String token,
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "2026-01-15T09:00:00Z")
            Instant expiresAt) {
    }

    /** A new link of the caller's platform, for the request's email or for anyone, valid 7 days unless it says. */
    IssuedInvitation issue(Caller caller, InvitationRequest request) {
        int days = request == null || request.expiresInDays() == null ? DEFAULT_EXPIRY_DAYS : request.expiresInDays();
        String email = request == null || request.email() == null ? null : request.email().strip();
        String invitationId = UUID.randomUUID().toString();
        String token = Secrets.newToken();
        Instant expiresAt = clock.instant().plus(Duration.ofDays(days));
        dispatcher.send(new IssueInvitationCommand(invitationId, caller.platformId(), email, Secrets.sha256(token),
                expiresAt), caller);
        return new IssuedInvitation(invitationId, publicBaseUrl + "/register?invitation=" + token, token, expiresAt);
    }

    /**
     * The caller's platform's invitations, newest first, in the status asked for or all: {@code limit} from 1 to
     * {@value #MAX_LIMIT} (default {@value #DEFAULT_LIMIT}), skipping {@code offset} from 0 to {@value #MAX_OFFSET}.
     */
    List<InvitationView> list(Caller caller, InvitationStatus status, String limit, String offset) {
        int pageSize = limit == null ? DEFAULT_LIMIT : QueryParameters.limit(limit, MAX_LIMIT);
        return projection.list(caller.platformId(), Optional.ofNullable(status), clock.instant(), pageSize,
                offset == null ? 0 : offset(offset));
    }

    private static int offset(String value) {
        try {
            int offset = Integer.parseInt(value.strip());
            if (offset >= 0 && offset <= MAX_OFFSET) {
                return offset;
            }
        } catch (NumberFormatException ignored) {
            // refused below with the rule
        }
        throw new BadRequestException("offset", "range", "offset is a whole number from 0 to " + MAX_OFFSET + ".");
    }

    /** An invitation of the caller's platform; any other id, malformed ones included, is invitation_not_found. */
    InvitationView find(Caller caller, String invitationId) {
        return projection.find(caller.platformId(), Ids.canonicalOr(invitationId, InvitationNotFoundException::new),
                        clock.instant())
                .orElseThrow(() -> new InvitationNotFoundException(invitationId));
    }

    /** Revokes a pending invitation of the caller's platform; any other id is invitation_not_found. */
    void revoke(Caller caller, String invitationId) {
        String id = Ids.canonicalOr(invitationId, InvitationNotFoundException::new);
        try {
            dispatcher.send(new RevokeInvitationCommand(id, caller.platformId()), caller);
        } catch (AggregateNotFoundException notFound) {
            throw new InvitationNotFoundException(invitationId);
        }
    }

    /** Whether this registration is the one that used the invitation: a submission delivered again. */
    public boolean acceptedBy(String invitationId, String registrationId) {
        return loaded(invitationId).map(found -> found.invoke(i -> i.acceptedBy(registrationId))).orElse(false);
    }

    /**
     * Why a registration of this email on this platform may not use the invitation, if it may not; an id that
     * names no invitation is {@link RegistrationRejectionReason#INVITATION_UNKNOWN}.
     */
    public Optional<RegistrationRejectionReason> refusalFor(String invitationId, String platformId, String email) {
        return loaded(invitationId).map(found -> found.invoke(i -> i.refusalFor(platformId, email)))
                .orElse(Optional.of(RegistrationRejectionReason.INVITATION_UNKNOWN));
    }

    /** Uses the invitation for the registration; only after {@link #refusalFor} found nothing to refuse. */
    public void accept(String invitationId, String registrationId, String customerId) {
        repository.load(invitationId).execute(i -> i.accept(registrationId, customerId));
    }

    /**
     * A registration that named the invitation was refused for {@code reason}; the invitation counts it if it is a
     * refusal it counts, and may lock itself. An id that names no invitation has nothing to count.
     */
    public void registrationRefused(String invitationId, String registrationId, RegistrationRejectionReason reason) {
        loaded(invitationId).ifPresent(found -> found.execute(i -> i.registrationRefused(registrationId, reason)));
    }

    private Optional<Aggregate<Invitation>> loaded(String invitationId) {
        try {
            return Optional.of(repository.load(invitationId));
        } catch (AggregateNotFoundException | IncompatibleAggregateException notAnInvitation) {
            return Optional.empty();
        }
    }
}
