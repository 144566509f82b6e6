package io.tally.auth.docs;

import io.tally.auth.support.ServiceIntegrationTest;
import io.tally.testsupport.Api;
import io.tally.testsupport.Api.Response;
import io.tally.testsupport.ApiDocumentCheck;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The service's OpenAPI document tells the truth about its operations; kept in docs/openapi/ for the gateway's build. */
@ServiceIntegrationTest
class ApiDocumentIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void theDocumentDescribesEveryOperationFully() {
        Response document = new Api(port).get("/v3/api-docs", null);
        assertThat(document.status()).isEqualTo(200);
        assertThat(ApiDocumentCheck.faults(document.json())).isEmpty();
        assertThat(document.json().at("/paths/~1api~1v1~1auth~1login/post/security").isEmpty()).isTrue();
        assertThat(ApiDocumentCheck.keptDocumentDiffers("auth-service", document.body())).isEmpty();
    }
}
