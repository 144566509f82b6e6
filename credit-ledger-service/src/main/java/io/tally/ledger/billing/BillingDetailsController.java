package io.tally.ledger.billing;

import io.tally.ledger.billing.BillingDetailsService.Export;
import io.tally.ledger.billing.BillingDetailsService.Listing;
import io.tally.ledger.billing.BillingEntries.BillingEntry;
import io.tally.ledger.money.Money;
import io.tally.service.web.Caller;
import io.tally.service.web.CsvCells;
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
import java.util.List;
import java.util.Map;

/**
 * The billing details: a customer's ledger entries, newest first, filtered by time range
 * ({@code from} inclusive, {@code to} exclusive) and type, in pages or as a CSV export; for a
 * platform admin about the platform's customers, and for a signed-in customer about themself
 * (without the operators' identities and correlation ids, which are the platform's business).
 */
@RestController
class BillingDetailsController {

    static final String CSV_HEADER = "Time,Type,Amount,Currency,Balance after,Credits after,Actor,Note,Entry ID,"
            + "Correlation ID\r\n";

    private final BillingDetailsService billing;

    BillingDetailsController(BillingDetailsService billing) {
        this.billing = billing;
    }

    /** An entry as the API shows it: decimal strings in the platform's currency. */
    public record EntryView(String entryId, Instant occurredAt, BillingEntryType type, String amount,
                            String currency, String balanceAfter, String creditsAfter, String actor, String note,
                            String correlationId) {

        static EntryView of(BillingEntry entry) {
            return new EntryView(entry.entryId(), entry.occurredAt(), entry.type(),
                    Money.format(entry.amount(), entry.currency()), entry.currency(),
                    Money.format(entry.balanceAfter(), entry.currency()),
                    Money.format(entry.creditsAfter(), entry.currency()), entry.actor(), entry.note(),
                    entry.correlationId());
        }
    }

    public record EntryPage(List<EntryView> items, String nextCursor) {

        static EntryPage of(Listing listing) {
            return new EntryPage(listing.items().stream().map(EntryView::of).toList(), listing.nextCursor());
        }
    }

    @GetMapping("/api/v1/customers/{customerId}/billing-details")
    public EntryPage customerPage(@AuthenticationPrincipal Jwt jwt, @PathVariable String customerId,
                                  @RequestParam Map<String, String> parameters) {
        return EntryPage.of(billing.customerPage(Caller.of(jwt), customerId, parameters));
    }

    @GetMapping(value = "/api/v1/customers/{customerId}/billing-details/export", produces = "text/csv")
    public ResponseEntity<StreamingResponseBody> customerExport(@AuthenticationPrincipal Jwt jwt,
                                                                @PathVariable String customerId,
                                                                @RequestParam Map<String, String> parameters) {
        return csv(billing.customerExport(Caller.of(jwt), customerId, parameters));
    }

    @GetMapping("/api/v1/me/billing-details")
    public EntryPage myPage(@AuthenticationPrincipal Jwt jwt, @RequestParam Map<String, String> parameters) {
        return EntryPage.of(billing.ownPage(Caller.of(jwt), parameters));
    }

    @GetMapping(value = "/api/v1/me/billing-details/export", produces = "text/csv")
    public ResponseEntity<StreamingResponseBody> myExport(@AuthenticationPrincipal Jwt jwt,
                                                          @RequestParam Map<String, String> parameters) {
        return csv(billing.ownExport(Caller.of(jwt), parameters));
    }

    private ResponseEntity<StreamingResponseBody> csv(Export export) {
        StreamingResponseBody body = output -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
            writer.write(CSV_HEADER);
            billing.each(export, entry -> write(writer, csvLine(EntryView.of(entry))));
            writer.flush();
        };
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"billing-details-" + export.customerId() + ".csv\"")
                .body(body);
    }

    static String csvLine(EntryView entry) {
        return CsvCells.line(entry.occurredAt().toString(), entry.type().name(), entry.amount(), entry.currency(),
                entry.balanceAfter(), entry.creditsAfter(), entry.actor(), entry.note(), entry.entryId(),
                entry.correlationId());
    }

    private static void write(Writer writer, String line) {
        try {
            writer.write(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
