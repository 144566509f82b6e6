package io.tally.ledger.docs;

import com.fasterxml.jackson.databind.JsonNode;
import io.tally.ledger.support.LedgerApiTest;
import io.tally.testsupport.Api.Response;
import io.tally.testsupport.ApiDocumentCheck;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The service's OpenAPI document tells the truth about its operations; kept in docs/openapi/ for the gateway's build. */
class ApiDocumentIntegrationTest extends LedgerApiTest {

    @Test
    void theDocumentDescribesEveryOperationFully() {
        Response document = api.get("/v3/api-docs", null);
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
}
