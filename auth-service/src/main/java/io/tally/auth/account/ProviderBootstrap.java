package io.tally.auth.account;

import io.tally.service.web.Dispatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.UUID;

/**
 * Creates the provider operator's account on the first start, so that someone can sign in and
 * create platforms. Later starts find it and create nothing. Without a configured password a
 * generated one is logged once: it is the only time it can be seen.
 */
@Component
class ProviderBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ProviderBootstrap.class);
    private static final long BOOTSTRAP_LOCK = 0x7a11_b007L;

    private final AccountCredentialsProjection credentials;
    private final Dispatcher dispatcher;
    private final PasswordEncoder passwordEncoder;
    private final String username;
    private final String configuredPassword;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    ProviderBootstrap(AccountCredentialsProjection credentials, Dispatcher dispatcher,
                      PasswordEncoder passwordEncoder,
                      @Value("${tally.provider.username}") String username,
                      @Value("${tally.provider.password:}") String configuredPassword,
                      JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.credentials = credentials;
        this.dispatcher = dispatcher;
        this.passwordEncoder = passwordEncoder;
        this.username = username;
        this.configuredPassword = configuredPassword;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /**
     * Instances that start together on an empty database take turns (a transaction-scoped
     * advisory lock), so the second finds the first one's provider instead of failing to start.
     */
    @Override
    public void run(ApplicationArguments args) {
        transactions.executeWithoutResult(status -> {
            jdbc.queryForObject("SELECT pg_advisory_xact_lock(?)::text", String.class, BOOTSTRAP_LOCK);
            createProviderIfMissing();
        });
    }

    private void createProviderIfMissing() {
        if (credentials.providerExists()) {
            return;
        }
        boolean generated = configuredPassword.isEmpty();
        String password = generated ? GeneratedPasswords.next() : configuredPassword;
        dispatcher.send(new CreateAccountCommand(UUID.randomUUID().toString(), AccountRole.PROVIDER, null,
                username, passwordEncoder.encode(password)), null);
        if (generated) {
            log.warn("Provider login: {} / {} — shown once", username, password);
        } else {
            log.info("Created the provider account {} with the configured password", username);
        }
    }
}
