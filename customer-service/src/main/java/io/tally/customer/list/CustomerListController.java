package io.tally.customer.list;

import io.tally.customer.list.CustomerListQueries.CustomerPage;
import io.tally.customer.list.CustomerListQueries.TagUse;
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
    public CustomerPage list(@AuthenticationPrincipal Jwt jwt, @RequestParam Map<String, String> parameters) {
        return queries.page(CustomerListQuery.page(Caller.of(jwt).platformId(), parameters));
    }

    /** The query is read before the response starts, so that a refused parameter is still a 400 problem. */
    @GetMapping(value = "/export", produces = "text/csv")
    public ResponseEntity<StreamingResponseBody> export(@AuthenticationPrincipal Jwt jwt,
                                                        @RequestParam Map<String, String> parameters) {
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

    public record TagList(List<TagUse> items) {
    }

    /** The tags in use on the platform, for the console to offer when tagging and filtering. */
    @GetMapping("/tags")
    public TagList tags(@AuthenticationPrincipal Jwt jwt, @RequestParam Map<String, String> parameters) {
        return new TagList(queries.tagsInUse(Caller.of(jwt).platformId(), parameters));
    }

    @GetMapping("/{customerId}")
    public CustomerRow details(@AuthenticationPrincipal Jwt jwt, @PathVariable String customerId) {
        return queries.details(Caller.of(jwt).platformId(), customerId);
    }
}
