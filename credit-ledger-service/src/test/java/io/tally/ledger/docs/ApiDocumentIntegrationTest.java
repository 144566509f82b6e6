package io.tally.ledger.docs;

import com.fasterxml.jackson.databind.JsonNode;
import io.tally.ledger.support.LedgerApiTest;
import io.tally.testsupport.Api;
import io.tally.testsupport.Api.Response;
import io.tally.testsupport.ApiDocumentCheck;
import io.tally.testsupport.ManagementPortCheck;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service's OpenAPI document tells the truth about its operations; kept in docs/openapi/ for the gateway's build.
 * It is served, with the metrics and health, on the management port alone: the API's port refuses them all.
 */
class ApiDocumentIntegrationTest extends LedgerApiTest {

    @LocalManagementPort
    int managementPort;

    @Test
    void theDocumentDescribesEveryOperationFully() {
        Response document = new Api(managementPort).get(ManagementPortCheck.DOCUMENT, null);
        assertThat(document.status()).isEqualTo(200);
        JsonNode json = document.json();
        assertThat(ApiDocumentCheck.faults(json)).isEmpty();
        assertThat(json.at("/paths/~1api~1v1~1customers~1{customerId}~1billing-details/get/parameters")
                .findValuesAsText("name")).containsExactlyInAnyOrder("customerId", "from", "to", "type", "cursor", "limit");
        assertThat(json.at("/paths/~1api~1v1~1customers~1{customerId}~1balance~1refills/post/parameters")
                .findValuesAsText("name")).contains("Idempotency-Key");
        assertThat(json.at("/components/schemas/AmountRequest/properties/amount/type").asText()).isEqualTo("string");
        assertThat(ApiDocumentCheck.keptDocumentDiffers("credit-ledger-service", document.body())).isEmpty();
    }

    @Test
    void theDocumentMetricsAndHealthAnswerOnTheManagementPortAlone() {
        Api management = new Api(managementPort);
        assertThat(ManagementPortCheck.faults(management, api, admin, "/api/v1/credit-pool")).isEmpty();
    }
}

