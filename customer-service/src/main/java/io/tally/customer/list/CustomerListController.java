package io.tally.customer.list;

import io.tally.customer.list.CustomerListQueries.CustomerPage;
import io.tally.customer.list.CustomerListQueries.TagUse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.tally.service.web.Caller;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** The admin's customer list, its CSV export, the tags in use and a customer's details. */
@RestController
@RequestMapping("/api/v1/customers")
class CustomerListController {

    private final CustomerListQueries queries;

    CustomerListController(CustomerListQueries queries) {
        this.queries = queries;
    }

    @GetMapping
    @Operation(summary = "List the platform's customers", operationId = "listCustomers",
            description = "Filtered, sorted, a page at a time; unknown parameters are refused.")
    @ListPage
    public CustomerPage list(@AuthenticationPrincipal Jwt jwt,
                             @Parameter(hidden = true) @RequestParam Map<String, String> parameters) {
        return queries.page(CustomerListQuery.page(Caller.of(jwt).platformId(), parameters));
    }

    /** The query is read before the response starts, so that a refused parameter is still a 400 problem. */
    @GetMapping(value = "/export", produces = "text/csv")
    @Operation(summary = "Export the filtered customer list as CSV", operationId = "exportCustomers",
            description = "The list's filters and sort; a cursor or a limit is refused.")
    @ApiResponse(responseCode = "200", description = "Every matching customer, as an attachment.",
            content = @Content(mediaType = "text/csv"),
            headers = @Header(name = HttpHeaders.CONTENT_DISPOSITION, required = true, description = "The file's name.",
                    schema = @Schema(type = "string", example = "attachment; filename=\"customers.csv\"")))
    @ListFilters
    public ResponseEntity<StreamingResponseBody> export(@AuthenticationPrincipal Jwt jwt,
                                                        @Parameter(hidden = true) @RequestParam Map<String, String> parameters) {
        CustomerListQuery query = CustomerListQuery.export(Caller.of(jwt).platformId(), parameters);
        StreamingResponseBody body = out -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            writer.write(CsvRows.HEADER);
            try {
                queries.export(query, row -> {
                    try {
                        writer.write(CsvRows.line(row));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } finally {
                writer.flush();
            }
        };
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"customers.csv\"")
                .body(body);
    }

    public record TagList(
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "Empty when no customer has a tag.")
            List<TagUse> items) {
    }

    /** The tags in use on the platform, for the console to offer when tagging and filtering. */
    @GetMapping("/tags")
    @Operation(summary = "The platform's tags in use, most used first", operationId = "listCustomerTags")
    public TagList tags(@AuthenticationPrincipal Jwt jwt,
                        @Parameter(hidden = true) @RequestParam Map<String, String> parameters) {
        return new TagList(queries.tagsInUse(Caller.of(jwt).platformId(), parameters));
    }

    @GetMapping("/{customerId}")
    @Operation(summary = "A customer's details", operationId = "getCustomer")
    public CustomerRow details(@AuthenticationPrincipal Jwt jwt, @PathVariable String customerId) {
        return queries.details(Caller.of(jwt).platformId(), customerId);
    }
}
