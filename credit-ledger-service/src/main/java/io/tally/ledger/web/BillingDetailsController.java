package io.tally.ledger.web;

import io.tally.ledger.command.Money;
import io.tally.ledger.query.BillingEntries;
import io.tally.ledger.query.BillingEntries.BillingEntry;
import io.tally.ledger.query.BillingEntries.Filter;
import io.tally.ledger.query.BillingEntries.Page;
import io.tally.ledger.query.BillingEntryType;
import io.tally.ledger.query.LedgerDirectory;
import io.tally.service.web.BadRequestException;
import io.tally.service.web.Caller;
import io.tally.service.web.CsvCells;
import io.tally.service.web.QueryParameters;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The billing details: a customer's ledger entries, newest first, filtered by time range
 * ({@code from} inclusive, {@code to} exclusive) and type, in pages or as a CSV export; for a
 * platform admin about the platform's customers, and for a signed-in customer about themself
 * (without the operators' identities and correlation ids, which are the platform's business).
 */
@RestController
public class BillingDetailsController {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;
    private static final Set<String> FILTERS = Set.of("from", "to", "type");
    private static final Set<String> PAGED = Set.of("from", "to", "type", "cursor", "limit");
    private static final String CURSOR_PREFIX = "before:";
    static final String CSV_HEADER = "Time,Type,Amount,Currency,Balance after,Credits after,Actor,Note,Entry ID,"
            + "Correlation ID\r\n";

    private final BillingEntries entries;
    private final LedgerDirectory directory;

    public BillingDetailsController(BillingEntries entries, LedgerDirectory directory) {
        this.entries = entries;
        this.directory = directory;
    }

    /** An entry as the API shows it: decimal strings in the platform's currency. */
    public record EntryView(String entryId, Instant occurredAt, BillingEntryType type, String amount,
                            String currency, String balanceAfter, String creditsAfter, String actor, String note,
                            String correlationId) {

        static EntryView of(BillingEntry entry, boolean forAdmin) {
            return new EntryView(entry.entryId(), entry.occurredAt(), entry.type(),
                    Money.format(entry.amount(), entry.currency()), entry.currency(),
                    Money.format(entry.balanceAfter(), entry.currency()),
                    Money.format(entry.creditsAfter(), entry.currency()), forAdmin ? entry.actor() : null,
                    entry.note(), forAdmin ? entry.correlationId() : null);
        }
    }

    public record EntryPage(List<EntryView> items, String nextCursor) {
    }

    @GetMapping("/api/v1/customers/{customerId}/billing-details")
    public EntryPage customerPage(@AuthenticationPrincipal Jwt jwt, @PathVariable String customerId,
                                  @RequestParam Map<String, String> parameters) {
        Caller caller = Caller.of(jwt);
        return page(directory.requireCustomerOf(caller.platformId(), customerId), parameters, true);
    }

    @GetMapping(value = "/api/v1/customers/{customerId}/billing-details/export", produces = "text/csv")
    public ResponseEntity<StreamingResponseBody> customerExport(@AuthenticationPrincipal Jwt jwt,
                                                                @PathVariable String customerId,
                                                                @RequestParam Map<String, String> parameters) {
        Caller caller = Caller.of(jwt);
        return export(directory.requireCustomerOf(caller.platformId(), customerId), parameters, true);
    }

    @GetMapping("/api/v1/me/billing-details")
    public EntryPage myPage(@AuthenticationPrincipal Jwt jwt, @RequestParam Map<String, String> parameters) {
        Caller caller = Caller.of(jwt);
        return page(directory.requireCustomerOf(caller.platformId(), caller.subject()), parameters, false);
    }

    @GetMapping(value = "/api/v1/me/billing-details/export", produces = "text/csv")
    public ResponseEntity<StreamingResponseBody> myExport(@AuthenticationPrincipal Jwt jwt,
                                                          @RequestParam Map<String, String> parameters) {
        Caller caller = Caller.of(jwt);
        return export(directory.requireCustomerOf(caller.platformId(), caller.subject()), parameters, false);
    }

    private EntryPage page(String customerId, Map<String, String> values, boolean forAdmin) {
        QueryParameters parameters = new QueryParameters(values, PAGED, "The billing details");
        Long before = parameters.optional("cursor", BillingDetailsController::decodeCursor).orElse(null);
        int limit = parameters.optional("limit", value -> QueryParameters.limit(value, MAX_LIMIT))
                .orElse(DEFAULT_LIMIT);
        Page page = entries.page(filter(customerId, parameters, before), limit);
        return new EntryPage(page.items().stream().map(entry -> EntryView.of(entry, forAdmin)).toList(),
                page.nextBeforeSequence() == null ? null : encodeCursor(page.nextBeforeSequence()));
    }

    private ResponseEntity<StreamingResponseBody> export(String customerId, Map<String, String> values,
                                                         boolean forAdmin) {
        Filter filter = filter(customerId, new QueryParameters(values, FILTERS, "The billing details export"), null);
        StreamingResponseBody body = output -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
            writer.write(CSV_HEADER);
            entries.each(filter, entry -> write(writer, csvLine(EntryView.of(entry, forAdmin))));
            writer.flush();
        };
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"billing-details-" + customerId + ".csv\"")
                .body(body);
    }

    static String csvLine(EntryView entry) {
        return CsvCells.line(entry.occurredAt().toString(), entry.type().name(), entry.amount(), entry.currency(),
                entry.balanceAfter(), entry.creditsAfter(), entry.actor(), entry.note(), entry.entryId(),
                entry.correlationId());
    }

    private static Filter filter(String customerId, QueryParameters parameters, Long before) {
        Instant from = parameters.optional("from", value -> QueryParameters.instant("from", value)).orElse(null);
        Instant to = parameters.optional("to", value -> QueryParameters.instant("to", value)).orElse(null);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new BadRequestException("to", "after_from", "to must be later than from.");
        }
        Set<BillingEntryType> types = parameters.optional("type", BillingDetailsController::types)
                .orElse(Set.of());
        return new Filter(customerId, from, to, types, before);
    }

    /** One type or several, comma-separated. */
    private static Set<BillingEntryType> types(String value) {
        Set<BillingEntryType> types = EnumSet.noneOf(BillingEntryType.class);
        Arrays.stream(value.split(",")).forEach(type -> types.add(
                QueryParameters.oneOf("type", BillingEntryType.class, type)));
        return types;
    }

    static String encodeCursor(long beforeSequence) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((CURSOR_PREFIX + beforeSequence).getBytes(StandardCharsets.UTF_8));
    }

    static Long decodeCursor(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (raw.startsWith(CURSOR_PREFIX)) {
                long sequence = Long.parseLong(raw.substring(CURSOR_PREFIX.length()));
                if (sequence > 0) {
                    return sequence;
                }
            }
        } catch (IllegalArgumentException malformed) {
            // refused below with the rule
        }
        throw new BadRequestException("cursor", "cursor_invalid", "The cursor is not one this list returned.");
    }

    private static void write(Writer writer, String line) {
        try {
            writer.write(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
