package io.tally.auth.registration;

import io.tally.auth.registration.RegistrationStatusProjection.Undecided;
import io.tally.service.axon.MetaDataKeys;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Ends the registrations nobody decided on within {@code tally.registrations.decision-deadline} of their
 * submission (customer-service down for days, a lost submission), so that no password hash waits forever. What is
 * due is read from the slice's status read model, not held in memory, so the sweep survives restarts. Each one is
 * ended through the {@link Registration} aggregate, which applies it only while the registration is still
 * undecided: two sweeps at once, or a decision arriving at the same moment, end it at most once, and a sweep that
 * lost such a race for one registration goes on with the next.
 */
@Component
class UndecidedRegistrationSweep {

    private static final Logger log = LoggerFactory.getLogger(UndecidedRegistrationSweep.class);
    private static final int BATCH = 500;
    /** The actor recorded on the events of registrations ended by the sweep. */
    static final String ACTOR = "system:registration-deadline";

    private final RegistrationStatusProjection registrations;
    private final CommandGateway commandGateway;
    private final Clock clock;
    private final Duration decisionDeadline;

    UndecidedRegistrationSweep(RegistrationStatusProjection registrations, CommandGateway commandGateway, Clock clock,
                               @Value("${tally.registrations.decision-deadline}") Duration decisionDeadline) {
        if (decisionDeadline.isNegative() || decisionDeadline.isZero()) {
            throw new IllegalArgumentException("tally.registrations.decision-deadline must be positive, not "
                    + decisionDeadline);
        }
        this.registrations = registrations;
        this.commandGateway = commandGateway;
        this.clock = clock;
        this.decisionDeadline = decisionDeadline;
    }

    @Scheduled(fixedDelayString = "${tally.registrations.sweep-interval}")
    public void sweep() {
        List<Undecided> due = registrations.undecidedSince(clock.instant().minus(decisionDeadline), BATCH);
        int failed = 0;
        for (Undecided registration : due) {
            try {
                commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(
                        new ExpireRegistrationCommand(registration.registrationId(), decisionDeadline)).andMetaData(
                        Map.of(MetaDataKeys.ACTOR, ACTOR, MetaDataKeys.PLATFORM_ID, registration.platformId(),
                                MetaDataKeys.CORRELATION_ID, UUID.randomUUID().toString())));
            } catch (RuntimeException raced) {
                // Most likely a decision or another sweep wrote the registration at the same moment; if it is still
                // undecided, the next sweep picks it up again.
                failed++;
                log.warn("Registration {} was not ended this time: {}", registration.registrationId(),
                        raced.toString());
            }
        }
        if (!due.isEmpty()) {
            log.info("Swept {} registration(s) undecided after {} ({} not ended this time)", due.size(),
                    decisionDeadline, failed);
        }
    }
}
