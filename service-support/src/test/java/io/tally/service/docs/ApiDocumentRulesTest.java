package io.tally.service.docs;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ApiDocumentRulesTest {

    @Test
    void a_secured_write_gets_the_bearer_scheme_its_refusals_as_problems_and_concrete_media_types() {
        Operation write = new Operation()
                .addParametersItem(new Parameter().in("path").name("customerId").schema(new StringSchema()))
                .requestBody(new RequestBody().content(new Content().addMediaType("*/*", new MediaType())))
                .responses(new ApiResponses()
                        .addApiResponse("201", new ApiResponse().content(new Content().addMediaType("*/*", new MediaType())))
                        .addApiResponse("409", new ApiResponse().description("insufficient_balance")
                                .content(new Content().addMediaType("*/*", new MediaType()))));
        OpenAPI document = new OpenAPI().paths(new Paths()
                .addPathItem("/api/v1/customers/{customerId}/balance/refills", new PathItem().post(write)));

        ApiDocumentRules.apply(document);

        assertThat(document.getComponents().getSchemas()).containsKeys("Problem", "FieldError");
        assertThat(document.getComponents().getSecuritySchemes().get("bearerAuth").getBearerFormat()).isEqualTo("JWT");
        assertThat(write.getSecurity()).containsExactly(new SecurityRequirement().addList("bearerAuth"));
        assertThat(write.getResponses()).containsOnlyKeys("201", "400", "401", "403", "404", "409", "415", "429", "500",
                "503");
        assertThat(write.getResponses().get("503").getHeaders()).containsKey("Retry-After");
        assertThat(write.getResponses().get("503").getDescription()).contains("outcome_unknown", "database_unavailable");
        assertThat(write.getResponses().get("201").getContent()).containsOnlyKeys("application/json");
        assertThat(write.getRequestBody().getContent()).containsOnlyKeys("application/json");
        ApiResponse conflict = write.getResponses().get("409");
        assertThat(conflict.getDescription()).isEqualTo("insufficient_balance");
        assertThat(conflict.getContent()).containsOnlyKeys("application/problem+json");
        assertThat(conflict.getContent().get("application/problem+json").getSchema().get$ref())
                .isEqualTo("#/components/schemas/Problem");
    }

    @Test
    void a_write_taking_an_idempotency_key_needs_it_and_says_how_a_retry_is_answered() {
        Parameter key = new Parameter().in("header").name("Idempotency-Key").required(false)
                .schema(new StringSchema());
        Operation write = new Operation().addParametersItem(key)
                .responses(new ApiResponses().addApiResponse("200", new ApiResponse().description("figures")));
        Operation other = new Operation().addParametersItem(new Parameter().in("header").name("X-Other"))
                .responses(new ApiResponses().addApiResponse("200", new ApiResponse().description("figures")));
        OpenAPI document = new OpenAPI().paths(new Paths()
                .addPathItem("/api/v1/credit-pool/refills", new PathItem().post(write))
                .addPathItem("/api/v1/credit-pool/other", new PathItem().post(other)));

        ApiDocumentRules.apply(document);

        assertThat(key.getRequired()).isTrue();
        assertThat(key.getSchema().getMinLength()).isEqualTo(1);
        assertThat(key.getSchema().getMaxLength()).isEqualTo(255);
        assertThat(write.getResponses().get("422").getDescription()).contains("idempotency_key_reused");
        assertThat(write.getResponses().get("200").getHeaders()).containsOnlyKeys("Idempotent-Replayed");
        assertThat(other.getResponses()).doesNotContainKey("422");
        assertThat(other.getResponses().get("200").getHeaders()).isNull();
    }

    @Test
    void a_public_read_without_input_needs_no_token_and_is_not_refused_as_bad_or_unauthenticated() {
        Operation read = new Operation().responses(new ApiResponses().addApiResponse("200", new ApiResponse()
                .content(new Content().addMediaType("application/json", new MediaType()))));
        OpenAPI document = new OpenAPI().paths(new Paths().addPathItem("/.well-known/jwks.json", new PathItem().get(read)));

        ApiDocumentRules.apply(document);

        assertThat(read.getSecurity()).isEmpty();
        assertThat(read.getResponses()).containsOnlyKeys("200", "429", "500", "503");
        assertThat(read.getResponses().get("200").getDescription()).isEqualTo("OK");
    }

    @Test
    void an_export_answers_csv_text() {
        Operation export = new Operation().responses(new ApiResponses().addApiResponse("200", new ApiResponse()
                .content(new Content().addMediaType("text/csv", new MediaType()
                        .schema(new Schema<>().$ref("#/components/schemas/StreamingResponseBody"))))));
        OpenAPI document = new OpenAPI().paths(new Paths().addPathItem("/api/v1/customers/export", new PathItem().get(export)))
                .components(new Components().addSchemas("StreamingResponseBody", new ObjectSchema()));

        ApiDocumentRules.apply(document);

        assertThat(export.getResponses().get("200").getContent().get("text/csv").getSchema().getType()).isEqualTo("string");
        assertThat(document.getComponents().getSchemas()).doesNotContainKey("StreamingResponseBody");
    }

    @Test
    void public_paths_are_the_sign_in_the_refresh_the_keys_and_everything_under_public() {
        assertThat(List.of("/api/v1/public/registrations", "/api/v1/public/registrations/{id}",
                "/api/v1/auth/login", "/api/v1/auth/refresh", "/.well-known/jwks.json"))
                .allMatch(ApiDocumentRules::isPublic);
        assertThat(List.of("/api/v1/auth/logout", "/api/v1/customers", "/api/v1/publicity"))
                .noneMatch(ApiDocumentRules::isPublic);
    }
}
