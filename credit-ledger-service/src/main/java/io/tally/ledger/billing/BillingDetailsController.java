package io.tally.ledger.billing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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

    /** Figures after an entry are never negative. */
    private static final String AMOUNT = "^[0-9]+(\\.[0-9]{1,4})?$";
    private static final String AMOUNT_DESCRIPTION =
            "A decimal string with exactly the currency's decimals (2 for USD).";

    private static final String EXPORT_DISPOSITION =
            "attachment; filename=\"billing-details-3f2b6c1e-8a4d-4f7b-9c2e-5d1a7b9e0c42.csv\"";

    private final BillingDetailsService billing;

    BillingDetailsController(BillingDetailsService billing) {
        this.billing = billing;
    }

    /** An entry as the API shows it: decimal strings in the platform's currency. */
    public record EntryView(
            @Schema(requiredMode = RequiredMode.REQUIRED, format = "uuid",
                    example = "9a7b3c2d-1e4f-4a5b-8c6d-7e8f9a0b1c2d")
            String entryId,
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "2026-01-20T14:05:09.123456Z")
            Instant occurredAt,
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "REFILL")
            BillingEntryType type,
            @Schema(requiredMode = RequiredMode.REQUIRED, pattern = "^-?[0-9]+(\\.[0-9]{1,4})?$",
                    description = "The change the entry made: positive for a refill, negative for a deduction, the"
                            + " credits' change (either sign) for CREDITS. " + AMOUNT_DESCRIPTION,
                    example = "50.00")
            String amount,
            @Schema(requiredMode = RequiredMode.REQUIRED, pattern = "^[A-Z]{3}$",
                    description = "The platform's ISO 4217 currency.", example = "USD")
            String currency,
            @Schema(requiredMode = RequiredMode.REQUIRED, pattern = AMOUNT, description = AMOUNT_DESCRIPTION,
                    example = "120.00")
            String balanceAfter,
            @Schema(requiredMode = RequiredMode.REQUIRED, pattern = AMOUNT, description = AMOUNT_DESCRIPTION,
                    example = "30.00")
            String creditsAfter,
            @Schema(format = "uuid", description = "The account id of the admin who made it; left out in the"
                    + " customer's own billing details.", example = "5b1e0c3a-2f4d-4a8e-b6c7-9d0e1f2a3b4c")
            String actor,
            @Schema(description = "The note sent with a refill or deduction; left out when none was (and for CREDITS).",
                    example = "welcome")
            String note,
            @Schema(pattern = "^[A-Za-z0-9._:-]{1,128}$", description = "The correlation id of the request that made"
                    + " it; left out in the customer's own billing details.",
                    example = "4bf92f3577b34da6a3ce929d0e0e4736")
            String correlationId) {

        static EntryView of(BillingEntry entry) {
            return new EntryView(entry.entryId(), entry.occurredAt(), entry.type(),
                    Money.format(entry.amount(), entry.currency()), entry.currency(),
                    Money.format(entry.balanceAfter(), entry.currency()),
                    Money.format(entry.creditsAfter(), entry.currency()), entry.actor(), entry.note(),
                    entry.correlationId());
        }
    }

    public record EntryPage(
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "Newest first; empty when none match.")
            List<EntryView> items,
            @Schema(description = "The cursor of the next page; left out on the last page.", example = "YmVmb3JlOjQy")
            String nextCursor) {

        static EntryPage of(Listing listing) {
            return new EntryPage(listing.items().stream().map(EntryView::of).toList(), listing.nextCursor());
        }
    }

    @GetMapping("/api/v1/customers/{customerId}/billing-details")
    @Operation(summary = "A customer's ledger entries, newest first", operationId = "listCustomerBillingDetails")
    @BillingDetailsPage
    public EntryPage customerPage(@AuthenticationPrincipal Jwt jwt, @PathVariable String customerId,
                                  @Parameter(hidden = true) @RequestParam Map<String, String> parameters) {
        return EntryPage.of(billing.customerPage(Caller.of(jwt), customerId, parameters));
    }

    @GetMapping(value = "/api/v1/customers/{customerId}/billing-details/export", produces = "text/csv")
    @Operation(summary = "Export a customer's ledger entries as CSV", operationId = "exportCustomerBillingDetails")
    @ApiResponse(responseCode = "200", description = "Every matching entry, newest first, as an attachment.",
            content = @Content(mediaType = "text/csv"),
            headers = @Header(name = HttpHeaders.CONTENT_DISPOSITION, required = true, description = "The file's name.",
                    schema = @Schema(type = "string", example = EXPORT_DISPOSITION)))
    @BillingDetailsFilters
    public ResponseEntity<StreamingResponseBody> customerExport(@AuthenticationPrincipal Jwt jwt,
                                                                @PathVariable String customerId,
                                                                @Parameter(hidden = true) @RequestParam Map<String, String> parameters) {
        return csv(billing.customerExport(Caller.of(jwt), customerId, parameters));
    }

    @GetMapping("/api/v1/me/billing-details")
    @Operation(summary = "The signed-in customer's own ledger entries", operationId = "listMyBillingDetails")
    @BillingDetailsPage
    public EntryPage myPage(@AuthenticationPrincipal Jwt jwt, @Parameter(hidden = true) @RequestParam Map<String, String> parameters) {
        return EntryPage.of(billing.ownPage(Caller.of(jwt), parameters));
    }

    @GetMapping(value = "/api/v1/me/billing-details/export", produces = "text/csv")
    @Operation(summary = "Export the signed-in customer's own ledger entries as CSV", operationId = "exportMyBillingDetails")
    @ApiResponse(responseCode = "200", description = "Every matching entry, newest first, as an attachment.",
            content = @Content(mediaType = "text/csv"),
            headers = @Header(name = HttpHeaders.CONTENT_DISPOSITION, required = true, description = "The file's name.",
                    schema = @Schema(type = "string", example = EXPORT_DISPOSITION)))
    @BillingDetailsFilters
    public ResponseEntity<StreamingResponseBody> myExport(@AuthenticationPrincipal Jwt jwt,
                                                          @Parameter(hidden = true) @RequestParam Map<String, String> parameters) {
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
