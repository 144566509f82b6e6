package io.tally.customer.support;

import io.tally.testsupport.MovableClock;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/** The test's token key, its SMTP server and its clock, in place of the real ones. */
@TestConfiguration(proxyBeanMethods = false)
public class TestInfrastructure {

    @Bean
    JwtDecoder jwtDecoder() {
        return NimbusJwtDecoder.withPublicKey(TestTokens.publicKey()).build();
    }

    /** Moves the service's clock and the aggregates' clock together. */
    @Bean
    @Primary
    MovableClock movableClock() {
        return MovableClock.sharedWithAggregates();
    }

    @Bean(destroyMethod = "stop")
    GreenMail greenMail() {
        GreenMail mail = new GreenMail(new ServerSetup(Integer.getInteger("tally.test.smtp-port"), "127.0.0.1",
                ServerSetup.PROTOCOL_SMTP));
        mail.start();
        return mail;
    }
}
