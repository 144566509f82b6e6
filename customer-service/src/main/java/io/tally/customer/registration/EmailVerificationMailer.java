package io.tally.customer.registration;

import io.tally.contracts.customer.CustomerRegisteredEvent;
import io.tally.customer.customer.RequestEmailVerificationCommand;
import io.tally.service.axon.EventProcessors;
import io.tally.service.security.Secrets;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Mails a verification link to every registered customer. The link's token is new for each
 * attempt and only its digest is recorded; when sending fails the processor retries, with a
 * new token, so a mail is never silently lost. A replay of the processor mails nobody again.
 */
@Component
@ProcessingGroup(EmailVerificationMailer.PROCESSING_GROUP)
class EmailVerificationMailer {

    static final String PROCESSING_GROUP = "email-verification";

    @Bean
    static EventProcessors emailVerificationProcessor() {
        return EventProcessors.builder().tracking(PROCESSING_GROUP, 1).build();
    }

    private final CommandGateway commandGateway;
    private final Mailbox mailbox;
    private final Clock clock;
    private final String publicBaseUrl;
    private final String from;
    private final Duration validity;

    EmailVerificationMailer(CommandGateway commandGateway, Mailbox mailbox, Clock clock,
                                   @Value("${tally.public-base-url}") String publicBaseUrl,
                                   @Value("${tally.mail.from}") String from,
                                   @Value("${tally.email-verification.validity}") Duration validity) {
        this.commandGateway = commandGateway;
        this.mailbox = mailbox;
        this.clock = clock;
        this.publicBaseUrl = publicBaseUrl;
        this.from = from;
        this.validity = validity;
    }

    @EventHandler
    @DisallowReplay
    void on(CustomerRegisteredEvent event) {
        String secret = Secrets.newToken();
        Instant expiresAt = clock.instant().plus(validity);
        commandGateway.sendAndWait(new RequestEmailVerificationCommand(event.customerId(), Secrets.sha256(secret),
                expiresAt));
        String token = EmailVerification.token(event.customerId(), secret);
        String link = publicBaseUrl + "/verify-email?token=" + token;
        SimpleMailMessage mail = new SimpleMailMessage();
        mail.setFrom(from);
        mail.setTo(event.email());
        mail.setSubject("Verify your email address");
        mail.setText("""
                Welcome to %s!

                Please confirm your email address by opening this link before %s:
                %s

                Or submit this verification code: %s
                """.formatted(event.teamName(), expiresAt, link, token));
        mailbox.send(mail);
    }
}
