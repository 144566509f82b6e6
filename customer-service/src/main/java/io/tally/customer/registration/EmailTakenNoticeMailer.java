package io.tally.customer.registration;

import io.tally.service.axon.EventProcessors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.stereotype.Component;

/**
 * Tells an address that someone tried to register it although it already has an account on the platform: the only
 * place where a registration refused for a taken address says so, so that the owner of the address learns it and the
 * holder of the invitation link does not. The mail names the platform's sign-in page and carries nothing that grants
 * anything (no token, no reset). Sent from the event store by a tracking processor, like the verification mail: when
 * sending fails the processor retries, and a replay of the processor mails nobody again.
 */
@Component
@ProcessingGroup(EmailTakenNoticeMailer.PROCESSING_GROUP)
class EmailTakenNoticeMailer {

    static final String PROCESSING_GROUP = "email-taken-notice";
    static final String SUBJECT = "Someone tried to register your email address";

    @Bean
    static EventProcessors emailTakenNoticeProcessor() {
        return EventProcessors.builder().tracking(PROCESSING_GROUP, 1).build();
    }

    private final Mailbox mailbox;
    private final String publicBaseUrl;
    private final String from;

    EmailTakenNoticeMailer(Mailbox mailbox, @Value("${tally.public-base-url}") String publicBaseUrl,
                           @Value("${tally.mail.from}") String from) {
        this.mailbox = mailbox;
        this.publicBaseUrl = publicBaseUrl;
        this.from = from;
    }

    @EventHandler
    @DisallowReplay
    void on(EmailTakenNoticeRequestedEvent event) {
        String signIn = publicBaseUrl + "/p/" + event.platformId() + "/sign-in";
        SimpleMailMessage mail = new SimpleMailMessage();
        mail.setFrom(from);
        mail.setTo(event.email());
        mail.setSubject(SUBJECT);
        mail.setText("""
                Someone just tried to register a new account with this email address through an invitation link.

                You already have an account with this address on the platform, so no new account was made and
                nothing about your account changed.

                To use your account, sign in at:
                %s

                If you no longer know your password, ask the platform's administrator to reset it.
                If it was not you who tried, you need not do anything.
                """.formatted(signIn));
        mailbox.send(mail);
    }
}
