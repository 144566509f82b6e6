package io.tally.customer.list;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tally.contracts.customer.BillingInformation;
import io.tally.contracts.customer.CustomerBillingInfoSetEvent;
import io.tally.contracts.customer.CustomerCreatedEvent;
import io.tally.contracts.customer.CustomerDisabledEvent;
import io.tally.contracts.customer.CustomerEmailVerifiedEvent;
import io.tally.contracts.customer.CustomerEnabledEvent;
import io.tally.contracts.customer.CustomerInformationUpdatedEvent;
import io.tally.contracts.customer.CustomerRegisteredEvent;
import io.tally.contracts.customer.CustomerTagsSetEvent;
import io.tally.contracts.customer.CustomerTeamTypeChangedEvent;
import io.tally.contracts.customer.PostalAddress;
import io.tally.contracts.customer.TeamType;
import io.tally.service.axon.EventProcessors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The customer list and customer details read model, with exact per-facet counts. Every
 * handler is idempotent (an insert of a known customer does nothing, updates set absolute
 * values and move counts only when a value really changes), so a redelivered event changes
 * nothing; a reset truncates and the processor replays the event store. The balance and credits
 * come from customer_figures, which {@link LedgerFiguresProjection} keeps and a reset leaves alone.
 */
@Component
@ProcessingGroup(CustomerListProjection.PROCESSING_GROUP)
class CustomerListProjection {

    static final String PROCESSING_GROUP = "customer-list";

    private static final String PENDING_COUNTS = CustomerListProjection.class.getName() + ".pendingCounts";

    /** A batch of list changes shares one transaction and one token update. */
    @Bean
    static EventProcessors customerListProcessor() {
        return EventProcessors.builder().tracking(PROCESSING_GROUP, 100).build();
    }

    static final String FACET_ALL = "all";
    static final String FACET_STATE = "state";
    static final String FACET_TEAM_TYPE = "teamType";
    static final String FACET_TAG = "tag";

    private final JdbcTemplate jdbc;
    private final ObjectMapper objectMapper;

    CustomerListProjection(JdbcTemplate jdbc, ObjectMapper objectMapper) {
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
    }

    @EventHandler
    void on(CustomerCreatedEvent event) {
        BillingInformation billing = event.billingInfo();
        insert(event.customerId(), event.platformId(), event.email(), event.teamName(), event.teamType(), true,
                event.createdAt());
        if (billing != null) {
            updateBilling(event.customerId(), billing);
        }
    }

    @EventHandler
    void on(CustomerRegisteredEvent event) {
        insert(event.customerId(), event.platformId(), event.email(), event.teamName(), TeamType.DEFAULT, false,
                event.registeredAt());
    }

    @EventHandler
    void on(CustomerEmailVerifiedEvent event) {
        jdbc.update("UPDATE customer_list SET email_verified = TRUE WHERE customer_id = ?", id(event.customerId()));
    }

    @EventHandler
    void on(CustomerBillingInfoSetEvent event) {
        updateBilling(event.customerId(), event.billingInfo());
    }

    @EventHandler
    void on(CustomerTeamTypeChangedEvent event) {
        change(event.customerId(), event.platformId(), "team_type", FACET_TEAM_TYPE, event.teamType().name());
    }

    @EventHandler
    void on(CustomerInformationUpdatedEvent event) {
        jdbc.update("""
                        UPDATE customer_list SET team_name = ?, company_name = ?, contact_name = ?, phone = ?,
                               address = ?::jsonb
                         WHERE customer_id = ?""",
                event.teamName(), nullToEmpty(event.companyName()), event.contactName(), event.phone(),
                json(event.address()), id(event.customerId()));
    }

    @EventHandler
    void on(CustomerEnabledEvent event) {
        change(event.customerId(), event.platformId(), "state", FACET_STATE, "ON");
    }

    @EventHandler
    void on(CustomerDisabledEvent event) {
        change(event.customerId(), event.platformId(), "state", FACET_STATE, "OFF");
    }

    @EventHandler
    void on(CustomerTagsSetEvent event) {
        List<String> keys = event.tags().stream().map(tag -> tag.toLowerCase(Locale.ROOT)).distinct().toList();
        List<String> before = jdbc.queryForObject(
                "SELECT tag_keys FROM customer_list WHERE customer_id = ? FOR UPDATE",
                (rs, n) -> Arrays.asList((String[]) rs.getArray(1).getArray()), id(event.customerId()));
        jdbc.update("UPDATE customer_list SET tags = ?, tag_keys = ?, tags_key = ? WHERE customer_id = ?",
                textArray(event.tags()), textArray(keys), String.join(",", keys), id(event.customerId()));
        UUID platform = id(event.platformId());
        before.stream().filter(tag -> !keys.contains(tag)).forEach(tag -> count(platform, FACET_TAG, tag, -1));
        keys.stream().filter(tag -> !before.contains(tag)).forEach(tag -> count(platform, FACET_TAG, tag, 1));
    }

    @ResetHandler
    void reset() {
        jdbc.execute("TRUNCATE customer_list, customer_facet_counts");
    }

    private void insert(String customerId, String platformId, String email, String teamName, TeamType teamType,
                        boolean emailVerified, Instant registeredAt) {
        // The ledger-figures processor may be writing this customer's figures at this moment. Both
        // transactions meet at the customer's customer_figures row: a unique-key insert waits for
        // the other transaction's uncommitted row, and FOR SHARE waits for its uncommitted update or
        // makes a later update wait for this commit, so in READ COMMITTED whichever of the two
        // transactions commits second sees the other's row.
        jdbc.update("INSERT INTO customer_figures (customer_id) VALUES (?) ON CONFLICT (customer_id) DO NOTHING",
                id(customerId));
        int inserted = jdbc.update("""
                        INSERT INTO customer_list (customer_id, platform_id, account, team_name, team_type,
                                                   email_verified, registered_at, balance_minor, credits_minor,
                                                   currency, currency_digits)
                        SELECT ?, ?, ?, ?, ?, ?, ?, balance_minor, credits_minor, currency, currency_digits
                          FROM customer_figures WHERE customer_id = ? FOR SHARE
                        ON CONFLICT (customer_id) DO NOTHING""",
                id(customerId), id(platformId), email, teamName, teamType.name(), emailVerified,
                Timestamp.from(registeredAt), id(customerId));
        if (inserted == 1) {
            UUID platform = id(platformId);
            count(platform, FACET_ALL, "", 1);
            count(platform, FACET_STATE, "ON", 1);
            count(platform, FACET_TEAM_TYPE, teamType.name(), 1);
        }
    }

    /** Sets a faceted column and moves the customer between the facet's counts, if the value changed. */
    private void change(String customerId, String platformId, String column, String facet, String value) {
        List<String> previous = jdbc.queryForList("""
                        WITH old AS (SELECT %1$s AS value FROM customer_list WHERE customer_id = ? FOR UPDATE)
                        UPDATE customer_list SET %1$s = ? FROM old
                         WHERE customer_id = ? AND old.value <> ? RETURNING old.value""".formatted(column),
                String.class, id(customerId), value, id(customerId), value);
        if (!previous.isEmpty()) {
            UUID platform = id(platformId);
            count(platform, facet, previous.get(0), -1);
            count(platform, facet, value, 1);
        }
    }

    /**
     * Moves a facet's count by {@code delta}, at the end of the batch: the batch's changes to each count are summed
     * and written just before it commits, in one order for every batch (platform, facet, value). The list runs in
     * segments (two threads, each its own customers), and two batches of one platform meet at its counts: written
     * as the events came, they could lock two counts in opposite orders and deadlock.
     */
    private void count(UUID platformId, String facet, String value, int delta) {
        FacetCount key = new FacetCount(platformId, facet, value);
        if (!CurrentUnitOfWork.isStarted()) {
            writeCounts(Map.of(key, delta));
            return;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        Map<FacetCount, Integer> pending = batch.getOrComputeResource(PENDING_COUNTS, name -> {
            Map<FacetCount, Integer> counts = new TreeMap<>();
            batch.onPrepareCommit(unitOfWork -> writeCounts(counts));
            return counts;
        });
        pending.merge(key, delta, Integer::sum);
    }

    private void writeCounts(Map<FacetCount, Integer> counts) {
        counts.forEach((count, delta) -> {
            if (delta != 0) {
                jdbc.update("""
                                INSERT INTO customer_facet_counts (platform_id, facet, value, customers)
                                VALUES (?, ?, ?, ?)
                                ON CONFLICT (platform_id, facet, value)
                                DO UPDATE SET customers = customer_facet_counts.customers + EXCLUDED.customers""",
                        count.platformId(), count.facet(), count.value(), delta);
            }
        });
    }

    /** One count of the list's facets, ordered as every batch writes them. */
    private record FacetCount(UUID platformId, String facet, String value) implements Comparable<FacetCount> {

        private static final Comparator<FacetCount> ORDER = Comparator.comparing(FacetCount::platformId)
                .thenComparing(FacetCount::facet).thenComparing(FacetCount::value);

        @Override
        public int compareTo(FacetCount other) {
            return ORDER.compare(this, other);
        }
    }

    private void updateBilling(String customerId, BillingInformation billing) {
        jdbc.update("""
                        UPDATE customer_list SET billing_type = ?, company_name = ?, contact_name = ?, phone = ?,
                               address = ?::jsonb
                         WHERE customer_id = ?""",
                billing.type().name(), nullToEmpty(billing.companyName()), billing.contactName(), billing.phone(),
                json(billing.address()), id(customerId));
    }

    private String json(PostalAddress address) {
        try {
            return address == null ? null : objectMapper.writeValueAsString(address);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An address could not be written as JSON", e);
        }
    }

    private static String[] textArray(List<String> values) {
        return values.toArray(String[]::new);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private static UUID id(String value) {
        return UUID.fromString(value);
    }
}
