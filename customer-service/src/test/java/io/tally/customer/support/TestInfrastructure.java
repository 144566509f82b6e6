package io.tally.customer.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.tally.testsupport.TestKeyAndClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** The test's token key, its SMTP server and its clock, in place of the real ones. */
@TestConfiguration(proxyBeanMethods = false)
@Import(TestKeyAndClock.class)
public class TestInfrastructure {

    @Bean(destroyMethod = "stop")
    GreenMail greenMail() {
        GreenMail mail = new GreenMail(new ServerSetup(Integer.getInteger("tally.test.smtp-port"), "127.0.0.1",
                ServerSetup.PROTOCOL_SMTP));
        mail.start();
        return mail;
    }
}
