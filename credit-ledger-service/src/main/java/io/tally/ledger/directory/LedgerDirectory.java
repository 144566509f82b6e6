package io.tally.ledger.directory;

import io.tally.service.web.Ids;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The platforms (with their currencies) and the customers (with their platforms) the ledger
 * knows: the only writer of their tables. The intakes of the other services' events (the
 * customer's in balance, the platform's in credits) add to it in the transaction that opens
 * the ledger, so the two never disagree.
 */
@Component
public class LedgerDirectory {

    /** Customers whose platform is remembered in memory; beyond it the memory starts over. */
    private static final int REMEMBERED_CUSTOMERS = 100_000;

    private final JdbcTemplate jdbc;
    /**
     * What was found, never what was not: a platform's currency and a customer's platform never
     * change once known, so every money write after the first needs no query to learn them.
     */
    private final Map<String, String> currencies = new ConcurrentHashMap<>();
    private final Map<String, String> platformsOfCustomers = new ConcurrentHashMap<>();

    public LedgerDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean addPlatform(String platformId, String currency) {
        return jdbc.update("""
                        INSERT INTO ledger_platforms (platform_id, currency) VALUES (?, ?)
                        ON CONFLICT (platform_id) DO NOTHING""", UUID.fromString(platformId), currency) == 1;
    }

    public boolean addCustomer(String customerId, String platformId) {
        return jdbc.update("""
                        INSERT INTO ledger_customers (customer_id, platform_id) VALUES (?, ?)
                        ON CONFLICT (customer_id) DO NOTHING""",
                UUID.fromString(customerId), UUID.fromString(platformId)) == 1;
    }

    public Optional<String> currencyOf(String platformId) {
        String known = currencies.get(platformId);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<String> found = jdbc.queryForList("SELECT currency FROM ledger_platforms WHERE platform_id = ?",
                String.class, UUID.fromString(platformId)).stream().findFirst();
        found.ifPresent(currency -> currencies.put(platformId, currency));
        return found;
    }

    /**
     * The customer id in canonical form, when it is a customer of the platform the ledger knows;
     * otherwise not found, whether it is malformed, unknown or another platform's.
     */
    public String requireCustomerOf(String platformId, String customerId) {
        String canonical = Ids.canonicalOr(customerId, CustomerNotFoundException::new);
        if (platformId == null || !platformOf(canonical).map(platformId::equals).orElse(false)) {
            throw new CustomerNotFoundException(customerId);
        }
        return canonical;
    }

    /** A customer of the caller's platform, with the platform's currency: what a money write on it needs. */
    public record Customer(String customerId, String platformId, String currency) {
    }

    /**
     * The customer, when it is a customer of the platform the ledger knows (its id in canonical
     * form), with the platform's currency; otherwise not found, as {@link #requireCustomerOf}.
     */
    public Customer requireCustomer(String platformId, String customerId) {
        String canonical = requireCustomerOf(platformId, customerId);
        String currency = currencyOf(platformId).orElseThrow(() -> new CustomerNotFoundException(customerId));
        return new Customer(canonical, platformId, currency);
    }

    /** The customer's platform, when the ledger knows the customer. */
    private Optional<String> platformOf(String customerId) {
        String known = platformsOfCustomers.get(customerId);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<String> found = jdbc.queryForList("SELECT platform_id::text FROM ledger_customers "
                + "WHERE customer_id = ?", String.class, UUID.fromString(customerId)).stream().findFirst();
        found.ifPresent(platform -> {
            if (platformsOfCustomers.size() >= REMEMBERED_CUSTOMERS) {
                platformsOfCustomers.clear();
            }
            platformsOfCustomers.put(customerId, platform);
        });
        return found;
    }
}
