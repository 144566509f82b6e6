package io.tally.customer.docs;

import io.tally.customer.support.ServiceApiTest;
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
class ApiDocumentIntegrationTest extends ServiceApiTest {

    @LocalManagementPort
    int managementPort;

    @Test
    void theDocumentDescribesEveryOperationFully() {
        Response document = new Api(managementPort).get(ManagementPortCheck.DOCUMENT, null);
        assertThat(document.status()).isEqualTo(200);
        assertThat(ApiDocumentCheck.faults(document.json())).isEmpty();
        assertThat(document.json().at("/paths/~1api~1v1~1customers/get/parameters").findValuesAsText("name"))
                .containsExactlyInAnyOrder("q", "state", "teamType", "tag", "minBalance", "maxBalance",
                        "registeredFrom", "registeredTo", "sort", "cursor", "limit");
        assertThat(ApiDocumentCheck.keptDocumentDiffers("customer-service", document.body())).isEmpty();
    }

    @Test
    void theDocumentMetricsAndHealthAnswerOnTheManagementPortAlone() {
        Api management = new Api(managementPort);
        assertThat(ManagementPortCheck.faults(management, api, admin, "/api/v1/customers")).isEmpty();
    }
}

