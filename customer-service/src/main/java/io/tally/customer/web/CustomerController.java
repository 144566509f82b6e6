package io.tally.customer.web;

import io.tally.service.web.BadRequestException;
import io.tally.service.web.Dispatcher;
import io.tally.service.web.Caller;
import io.tally.service.web.QueryParameters;
import io.tally.contracts.customer.TeamType;
import io.tally.customer.command.Commands.CreateCustomerCommand;
import io.tally.customer.command.Commands.SetBillingInfoCommand;
import io.tally.customer.command.Commands.SetCustomerStateCommand;
import io.tally.customer.command.Commands.SetCustomerTagsCommand;
import io.tally.customer.command.Commands.UpdateCustomerInformationCommand;
import io.tally.customer.command.Rejections.CustomerNotFoundException;
import io.tally.customer.query.CustomerCursor;
import io.tally.customer.query.CustomerListQueries;
import io.tally.customer.query.CustomerListQueries.TagUse;
import io.tally.customer.query.CustomerListQueries.CustomerPage;
import io.tally.customer.query.CustomerListQuery;
import io.tally.customer.query.CustomerListQuery.CustomerState;
import io.tally.customer.query.CustomerRow;
import io.tally.customer.query.CustomerSort;
import io.tally.customer.web.Requests.BillingInfoRequest;
import io.tally.customer.web.Requests.CreateCustomerRequest;
import io.tally.customer.web.Requests.StateRequest;
import io.tally.customer.web.Requests.TagsRequest;
import io.tally.customer.web.Requests.UpdateCustomerRequest;
import jakarta.validation.Valid;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The customer list, the details, and the admin's changes to a customer. */
@RestController
@RequestMapping("/api/v1/customers")
public class CustomerController {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;
    private static final Set<String> FILTER_PARAMETERS = Set.of("q", "state", "teamType", "tag",
            "minBalance", "maxBalance", "registeredFrom", "registeredTo", "sort");
    private static final Set<String> PAGED_PARAMETERS = Stream.concat(FILTER_PARAMETERS.stream(),
            Stream.of("cursor", "limit")).collect(Collectors.toUnmodifiableSet());
    static final int MIN_SEARCH = 3;

    private final Dispatcher dispatcher;
    private final CustomerListQueries queries;

    public CustomerController(Dispatcher dispatcher, CustomerListQueries queries) {
        this.dispatcher = dispatcher;
        this.queries = queries;
    }

    @GetMapping
    public CustomerPage list(@AuthenticationPrincipal Jwt jwt, @RequestParam Map<String, String> parameters) {
        return queries.page(listQuery(Caller.of(jwt), parameters, true));
    }

    @GetMapping(value = "/export", produces = "text/csv")
    public ResponseEntity<StreamingResponseBody> export(@AuthenticationPrincipal Jwt jwt,
                                                        @RequestParam Map<String, String> parameters) {
        CustomerListQuery query = listQuery(Caller.of(jwt), parameters, false);
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

    /** The most tags the list offers: enough for any real tagging scheme, bounded for a page. */
    static final int MAX_TAGS_LISTED = 500;

    public record TagList(List<TagUse> items) {
    }

    /** The tags in use on the platform, for the console to offer when tagging and filtering. */
    @GetMapping("/tags")
    public TagList tags(@AuthenticationPrincipal Jwt jwt, @RequestParam Map<String, String> parameters) {
        new QueryParameters(parameters, Set.of(), "The tag list");
        return new TagList(queries.tagsInUse(Caller.of(jwt).platformId(), MAX_TAGS_LISTED));
    }

    @PostMapping
    public ResponseEntity<Map<String, String>> create(@AuthenticationPrincipal Jwt jwt,
                                                      @Valid @RequestBody CreateCustomerRequest request) {
        Caller caller = Caller.of(jwt);
        String customerId = UUID.randomUUID().toString();
        dispatcher.send(new CreateCustomerCommand(customerId, caller.platformId(), request.email().strip(),
                request.teamName().strip(),
                request.billingInfo() == null ? null : request.billingInfo().toBillingInformation()), caller);
        return ResponseEntity.created(URI.create("/api/v1/customers/" + customerId)).body(Map.of("id", customerId));
    }

    @GetMapping("/{customerId}")
    public CustomerRow details(@AuthenticationPrincipal Jwt jwt, @PathVariable String customerId) {
        Caller caller = Caller.of(jwt);
        return queries.details(caller.platformId(), requireId(customerId))
                .orElseThrow(() -> new CustomerNotFoundException(customerId));
    }

    @PatchMapping("/{customerId}")
    public ResponseEntity<Void> update(@AuthenticationPrincipal Jwt jwt, @PathVariable String customerId,
                                       @Valid @RequestBody UpdateCustomerRequest request) {
        Caller caller = Caller.of(jwt);
        return accepted(customerId, () -> new UpdateCustomerInformationCommand(requireId(customerId),
                caller.platformId(), request.teamName(), request.companyName(), request.contactName(),
                request.phone(), request.address() == null ? null : request.address().toPostalAddress()), caller);
    }

    @PutMapping("/{customerId}/billing-info")
    public ResponseEntity<Void> billingInfo(@AuthenticationPrincipal Jwt jwt, @PathVariable String customerId,
                                            @Valid @RequestBody BillingInfoRequest request) {
        Caller caller = Caller.of(jwt);
        return accepted(customerId, () -> new SetBillingInfoCommand(requireId(customerId), caller.platformId(),
                request.toBillingInformation()), caller);
    }

    @PutMapping("/{customerId}/state")
    public ResponseEntity<Void> state(@AuthenticationPrincipal Jwt jwt, @PathVariable String customerId,
                                      @Valid @RequestBody StateRequest request) {
        Caller caller = Caller.of(jwt);
        return accepted(customerId, () -> new SetCustomerStateCommand(requireId(customerId), caller.platformId(),
                request.state() == Requests.State.ON), caller);
    }

    @PutMapping("/{customerId}/tags")
    public ResponseEntity<Void> tags(@AuthenticationPrincipal Jwt jwt, @PathVariable String customerId,
                                     @Valid @RequestBody TagsRequest request) {
        Caller caller = Caller.of(jwt);
        return accepted(customerId, () -> new SetCustomerTagsCommand(requireId(customerId), caller.platformId(),
                request.tags()), caller);
    }

    private ResponseEntity<Void> accepted(String customerId, Supplier<Object> command, Caller caller) {
        try {
            dispatcher.send(command.get(), caller);
        } catch (AggregateNotFoundException notFound) {
            throw new CustomerNotFoundException(customerId);
        }
        return ResponseEntity.noContent().build();
    }

    /** A malformed id names no customer of the platform: 404, as for a foreign one. */
    static String requireId(String customerId) {
        try {
            return UUID.fromString(customerId).toString();
        } catch (IllegalArgumentException malformed) {
            throw new CustomerNotFoundException(customerId);
        }
    }

    static CustomerListQuery listQuery(Caller caller, Map<String, String> parameters, boolean paged) {
        QueryParameters p = new QueryParameters(parameters, paged ? PAGED_PARAMETERS : FILTER_PARAMETERS, "The list");
        CustomerSort sort = p.optional("sort", value -> CustomerSort.parse(value).orElseThrow(() ->
                new BadRequestException("sort", "sort_field",
                        "Sort by account, teamName, teamType, id, balance, credits, companyName, state, tags or "
                                + "registrationTime, optionally followed by ,asc or ,desc.")))
                .orElse(CustomerSort.DEFAULT);
        CustomerCursor cursor = null;
        if (paged) {
            cursor = p.optional("cursor", value -> CustomerCursor.decode(value)
                            .filter(c -> c.sort().equals(sort.asParameter()) && sort.field().accepts(c.key()))
                            .orElseThrow(() -> new BadRequestException("cursor", "cursor_invalid",
                                    "The cursor is not one this list returned for the same sort.")))
                    .orElse(null);
        }
        int limit = paged ? p.optional("limit", value -> QueryParameters.limit(value, MAX_LIMIT)).orElse(DEFAULT_LIMIT) : Integer.MAX_VALUE;
        String search = p.optional("q", value -> {
            String text = value.strip();
            if (text.isEmpty()) {
                return null;
            }
            if (text.length() < MIN_SEARCH || text.length() > 100) {
                throw new BadRequestException("q", "size",
                        "Search for " + MIN_SEARCH + " to 100 characters, so that the search can use its index.");
            }
            return text;
        }).orElse(null);
        BigDecimal minBalance = p.optional("minBalance", value -> decimal("minBalance", value)).orElse(null);
        BigDecimal maxBalance = p.optional("maxBalance", value -> decimal("maxBalance", value)).orElse(null);
        Instant registeredFrom = p.optional("registeredFrom", value -> QueryParameters.instant("registeredFrom", value)).orElse(null);
        Instant registeredTo = p.optional("registeredTo", value -> QueryParameters.instant("registeredTo", value)).orElse(null);
        if (minBalance != null && maxBalance != null && minBalance.compareTo(maxBalance) > 0) {
            throw new BadRequestException("minBalance", "range", "minBalance must not exceed maxBalance.");
        }
        if (registeredFrom != null && registeredTo != null && registeredFrom.isAfter(registeredTo)) {
            throw new BadRequestException("registeredFrom", "range", "registeredFrom must not be after registeredTo.");
        }
        return new CustomerListQuery(caller.platformId(), search,
                p.optional("state", value -> QueryParameters.oneOf("state", CustomerState.class, value)).orElse(null),
                p.optional("teamType", value -> QueryParameters.oneOf("teamType", TeamType.class, value)).orElse(null),
                p.optional("tag", value -> {
                    String tag = value.strip();
                    if (tag.isEmpty() || tag.codePointCount(0, tag.length()) > 40) {
                        throw new BadRequestException("tag", "size", "A tag has 1 to 40 characters.");
                    }
                    return value.strip();
                }).orElse(null),
                minBalance, maxBalance, registeredFrom, registeredTo, sort, cursor, limit);
    }

    private static BigDecimal decimal(String field, String value) {
        try {
            BigDecimal amount = new BigDecimal(value);
            if (amount.scale() <= 4 && amount.abs().compareTo(BigDecimal.TEN.pow(13)) < 0) {
                return amount;
            }
        } catch (NumberFormatException ignored) {
            // refused below with the rule
        }
        throw new BadRequestException(field, "decimal", field + " is a decimal amount such as 20.00.");
    }
}
