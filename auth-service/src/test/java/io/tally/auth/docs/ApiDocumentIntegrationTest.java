package io.tally.auth.docs;

import io.tally.auth.support.ServiceIntegrationTest;
import io.tally.testsupport.Api;
import io.tally.testsupport.Api.Response;
import io.tally.testsupport.ApiDocumentCheck;
import io.tally.testsupport.ManagementPortCheck;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service's OpenAPI document tells the truth about its operations; kept in docs/openapi/ for the gateway's build.
 * It is served, with the metrics and health, on the management port alone: the API's port refuses them all.
 */
@ServiceIntegrationTest
class ApiDocumentIntegrationTest {

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Test
    void theDocumentDescribesEveryOperationFully() {
        Response document = new Api(managementPort).get(ManagementPortCheck.DOCUMENT, null);
        assertThat(document.status()).isEqualTo(200);
        assertThat(ApiDocumentCheck.faults(document.json())).isEmpty();
        assertThat(document.json().at("/paths/~1api~1v1~1auth~1login/post/security").isEmpty()).isTrue();
        assertThat(ApiDocumentCheck.keptDocumentDiffers("auth-service", document.body())).isEmpty();
    }

    @Test
    void theDocumentMetricsAndHealthAnswerOnTheManagementPortAlone() {
        Api api = new Api(port);
        Api management = new Api(managementPort);
        Response signedIn = api.post("/api/v1/auth/login", null, "{\"username\":\""
                + ServiceIntegrationTest.PROVIDER_USERNAME + "\",\"password\":\""
                + ServiceIntegrationTest.PROVIDER_PASSWORD + "\"}");
        assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(200);
        String provider = signedIn.json().get("accessToken").asText();
        assertThat(ManagementPortCheck.faults(management, api, provider, "/.well-known/jwks.json")).isEmpty();
    }
}

