package io.tally.customer.docs;

import io.tally.customer.support.ServiceApiTest;
import io.tally.testsupport.Api.Response;
import io.tally.testsupport.ApiDocumentCheck;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The service's OpenAPI document tells the truth about its operations; kept in docs/openapi/ for the gateway's build. */
class ApiDocumentIntegrationTest extends ServiceApiTest {

    @Test
    void theDocumentDescribesEveryOperationFully() {
        Response document = api.get("/v3/api-docs", null);
        assertThat(document.status()).isEqualTo(200);
        assertThat(ApiDocumentCheck.faults(document.json())).isEmpty();
        assertThat(document.json().at("/paths/~1api~1v1~1customers/get/parameters").findValuesAsText("name"))
                .containsExactlyInAnyOrder("q", "state", "teamType", "tag", "minBalance", "maxBalance",
                        "registeredFrom", "registeredTo", "sort", "cursor", "limit");
        assertThat(ApiDocumentCheck.keptDocumentDiffers("customer-service", document.body())).isEmpty();
    }
}
