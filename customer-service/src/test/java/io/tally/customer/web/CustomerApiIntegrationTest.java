package io.tally.customer.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.tally.customer.support.Api;
import io.tally.customer.support.Api.Response;
import io.tally.customer.support.ServiceIntegrationTest;
import io.tally.customer.support.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@ServiceIntegrationTest
class CustomerApiIntegrationTest {

    @LocalServerPort
    int port;

    Api api;
    final String platform = UUID.randomUUID().toString();
    final String admin = TestTokens.admin(platform);

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void createdCustomerAppearsInTheListWithEveryColumn() {
        Response created = api.post("/api/v1/customers", admin,
                "{\"email\":\"Ada@Example.com\",\"teamName\":\"Analytical\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asText();
        assertThat(created.header("Location")).isEqualTo("/api/v1/customers/" + id);

        JsonNode row = api.await("/api/v1/customers/" + id, admin, r -> r.status() == 200).json();
        assertThat(row.get("account").asText()).isEqualTo("Ada@Example.com");
        assertThat(row.get("teamName").asText()).isEqualTo("Analytical");
        assertThat(row.get("teamType").asText()).isEqualTo("DEFAULT");
        assertThat(row.get("balance").asText()).isEqualTo("0.00");
        assertThat(row.get("credits").asText()).isEqualTo("0.00");
        assertThat(row.get("state").asText()).isEqualTo("ON");
        assertThat(row.has("companyName")).isFalse();
    }
}
