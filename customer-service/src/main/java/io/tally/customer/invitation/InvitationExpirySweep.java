package io.tally.customer.invitation;

import io.tally.service.axon.MetaDataKeys;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Expires pending invitations whose time has come, so that InvitationExpired is published
 * even when nobody tries the link. Survives restarts: what is due is read from the
 * invitations read model, not held in memory.
 */
@Component
class InvitationExpirySweep {

    private static final Logger log = LoggerFactory.getLogger(InvitationExpirySweep.class);
    private static final int BATCH = 500;
    /** The actor recorded on events Tally causes by itself. */
    static final String ACTOR = "system:invitation-expiry";

    private final InvitationProjection invitations;
    private final CommandGateway commandGateway;
    private final Clock clock;

    InvitationExpirySweep(InvitationProjection invitations, CommandGateway commandGateway, Clock clock) {
        this.invitations = invitations;
        this.commandGateway = commandGateway;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${tally.invitations.sweep-interval}")
    public void sweep() {
        List<InvitationProjection.Due> due = invitations.due(clock.instant(), BATCH);
        for (InvitationProjection.Due invitation : due) {
            commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(
                    new ExpireInvitationCommand(invitation.invitationId())).andMetaData(Map.of(
                    MetaDataKeys.ACTOR, ACTOR, MetaDataKeys.PLATFORM_ID, invitation.platformId(),
                    MetaDataKeys.CORRELATION_ID, UUID.randomUUID().toString())));
        }
        if (!due.isEmpty()) {
            log.info("Expired {} invitation(s)", due.size());
        }
    }
}
