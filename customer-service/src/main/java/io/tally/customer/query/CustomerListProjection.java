package io.tally.customer.query;

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
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The customer list and customer details read model. Every handler is idempotent (an insert
 * of a known customer does nothing, updates set absolute values), so a redelivered event
 * changes nothing; a reset truncates and the processor replays the event store.
 */
@Component
@ProcessingGroup(CustomerListProjection.PROCESSING_GROUP)
public class CustomerListProjection {

    public static final String PROCESSING_GROUP = "customer-list";

    private final JdbcTemplate jdbc;
    private final ObjectMapper objectMapper;

    public CustomerListProjection(JdbcTemplate jdbc, ObjectMapper objectMapper) {
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
        jdbc.update("UPDATE customer_list SET team_type = ? WHERE customer_id = ?", event.teamType().name(),
                id(event.customerId()));
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
        jdbc.update("UPDATE customer_list SET state = 'ON' WHERE customer_id = ?", id(event.customerId()));
    }

    @EventHandler
    void on(CustomerDisabledEvent event) {
        jdbc.update("UPDATE customer_list SET state = 'OFF' WHERE customer_id = ?", id(event.customerId()));
    }

    @EventHandler
    void on(CustomerTagsSetEvent event) {
        List<String> keys = event.tags().stream().map(tag -> tag.toLowerCase(Locale.ROOT)).toList();
        jdbc.update("UPDATE customer_list SET tags = ?, tag_keys = ?, tags_key = ? WHERE customer_id = ?",
                textArray(event.tags()), textArray(keys), String.join(",", keys), id(event.customerId()));
    }

    @ResetHandler
    void reset() {
        jdbc.execute("TRUNCATE customer_list, customer_counts");
    }

    private void insert(String customerId, String platformId, String email, String teamName, TeamType teamType,
                        boolean emailVerified, Instant registeredAt) {
        int inserted = jdbc.update("""
                        INSERT INTO customer_list (customer_id, platform_id, account, team_name, team_type,
                                                   email_verified, registered_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (customer_id) DO NOTHING""",
                id(customerId), id(platformId), email, teamName, teamType.name(), emailVerified,
                Timestamp.from(registeredAt));
        if (inserted == 1) {
            jdbc.update("""
                    INSERT INTO customer_counts (platform_id, customers) VALUES (?, 1)
                    ON CONFLICT (platform_id) DO UPDATE SET customers = customer_counts.customers + 1""",
                    id(platformId));
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
