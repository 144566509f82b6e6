package io.tally.ledger.directory;

import io.tally.ledger.directory.LedgerDirectory.Customer;
import io.tally.testsupport.PostgresDatabaseExtension;
import io.tally.testsupport.PostgresDatabaseExtension.TestDatabase;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Who the ledger knows, on the service's own tables in a real PostgreSQL database. */
class LedgerDirectoryTest {

    @RegisterExtension
    static final PostgresDatabaseExtension POSTGRES = new PostgresDatabaseExtension();

    private static JdbcTemplate jdbc;

    private final LedgerDirectory directory = new LedgerDirectory(jdbc);
    private final String platform = UUID.randomUUID().toString();
    private final String customer = UUID.randomUUID().toString();

    @BeforeAll
    static void migrate() {
        TestDatabase database = POSTGRES.database();
        Flyway.configure().dataSource(database.url(), database.user(), database.password())
                .locations("classpath:db/axon", "classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(new DriverManagerDataSource(database.url(), database.user(), database.password()));
    }

    private static void assertNotFound(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CustomerNotFoundException.class,
                refused -> assertThat(refused.code()).isEqualTo("customer_not_found"));
    }

    @Test
    void aPlatformAndACustomerAreAddedOnceAndTheFirstFactsStay() {
        assertThat(directory.addPlatform(platform, "EUR")).isTrue();
        assertThat(directory.addPlatform(platform, "USD")).isFalse();
        assertThat(directory.addCustomer(customer, platform)).isTrue();
        assertThat(directory.addCustomer(customer, UUID.randomUUID().toString())).isFalse();

        assertThat(new LedgerDirectory(jdbc).currencyOf(platform)).contains("EUR");
        assertThat(new LedgerDirectory(jdbc).requireCustomerOf(platform, customer)).isEqualTo(customer);
        assertThat(directory.currencyOf(UUID.randomUUID().toString())).isEmpty();
    }

    @Test
    void aCustomerOfThePlatformIsFoundByAnySpellingOfItsIdInCanonicalFormWithTheCurrency() {
        directory.addPlatform(platform, "JPY");
        directory.addCustomer(customer, platform);

        assertThat(directory.requireCustomerOf(platform, customer.toUpperCase(Locale.ROOT))).isEqualTo(customer);
        assertThat(directory.requireCustomer(platform, customer.toUpperCase(Locale.ROOT)))
                .isEqualTo(new Customer(customer, platform, "JPY"));
    }

    @Test
    void aMalformedUnknownOrAnotherPlatformsCustomerIsNotFound() {
        String otherPlatform = UUID.randomUUID().toString();
        directory.addPlatform(platform, "USD");
        directory.addPlatform(otherPlatform, "USD");
        directory.addCustomer(customer, platform);

        assertNotFound(() -> directory.requireCustomerOf(platform, "not-an-id"));
        assertNotFound(() -> directory.requireCustomerOf(platform, UUID.randomUUID().toString()));
        assertNotFound(() -> directory.requireCustomerOf(otherPlatform, customer));
        assertNotFound(() -> directory.requireCustomerOf(null, customer));
        assertNotFound(() -> directory.requireCustomer(otherPlatform, customer));
        assertThat(directory.requireCustomerOf(platform, customer)).isEqualTo(customer);
    }

    @Test
    void aCustomerOfAPlatformWhoseCurrencyIsUnknownCannotBeWrittenTo() {
        directory.addCustomer(customer, platform);

        assertThat(directory.requireCustomerOf(platform, customer)).isEqualTo(customer);
        assertNotFound(() -> directory.requireCustomer(platform, customer));
    }
}
