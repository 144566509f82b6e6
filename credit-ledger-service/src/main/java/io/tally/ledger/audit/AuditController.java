package io.tally.ledger.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.tally.ledger.audit.LedgerAudit.Break;
import io.tally.ledger.audit.LedgerAudit.CustomerAsOf;
import io.tally.ledger.audit.LedgerAudit.PoolAsOf;
import io.tally.ledger.audit.LedgerAudit.Verification;
import io.tally.ledger.money.Money;
import io.tally.service.web.Caller;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.Map;

/**
 * The auditors' questions, answered from the event store: a customer's or the platform's pool
 * figures as of an instant, and the verification of a hash chain. A platform admin asks about
 * the platform's own customers and pool.
 */
@RestController
class AuditController {

    /** Replayed figures are never negative. */
    private static final String AMOUNT = "^[0-9]+(\\.[0-9]{1,4})?$";
    private static final String AMOUNT_DESCRIPTION =
            "A decimal string with exactly the currency's decimals (2 for USD).";
    private static final String CURRENCY_DESCRIPTION = "The platform's ISO 4217 currency.";

    private final LedgerAudit audit;

    AuditController(LedgerAudit audit) {
        this.audit = audit;
    }

    /** The customer's figures after the last entry made at or before {@code at}. */
    public record CustomerAsOfView(
            @Schema(requiredMode = RequiredMode.REQUIRED, format = "uuid",
                    example = "3f2b6c1e-8a4d-4f7b-9c2e-5d1a7b9e0c42")
            String customerId,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "The instant asked about.",
                    example = "2026-01-31T00:00:00Z")
            Instant at,
            @Schema(requiredMode = RequiredMode.REQUIRED, pattern = "^[A-Z]{3}$", description = CURRENCY_DESCRIPTION,
                    example = "USD")
            String currency,
            @Schema(requiredMode = RequiredMode.REQUIRED, pattern = AMOUNT,
                    description = "0 before the first entry. " + AMOUNT_DESCRIPTION, example = "120.00")
            String balance,
            @Schema(requiredMode = RequiredMode.REQUIRED, pattern = AMOUNT,
                    description = "0 before the first entry. " + AMOUNT_DESCRIPTION, example = "30.00")
            String credits,
            @Schema(requiredMode = RequiredMode.REQUIRED, minimum = "0",
                    description = "The entries made at or before at.", example = "3")
            long entries,
            @Schema(format = "uuid", description = "The last entry made at or before at; left out when there is none.",
                    example = "9a7b3c2d-1e4f-4a5b-8c6d-7e8f9a0b1c2d")
            String lastEntryId,
            @Schema(description = "When that entry was made; left out when there is none.",
                    example = "2026-01-20T14:05:09.123456Z")
            Instant lastEntryAt) {

        static CustomerAsOfView of(CustomerAsOf figures) {
            return new CustomerAsOfView(figures.customerId(), figures.at(), figures.currency(),
                    Money.format(figures.balance(), figures.currency()),
                    Money.format(figures.credits(), figures.currency()), figures.entries(), figures.lastEntryId(),
                    figures.lastEntryAt());
        }
    }

    /** The platform's pool after the last change made at or before {@code at}; all 0 before the first. */
    public record PoolAsOfView(
            @Schema(requiredMode = RequiredMode.REQUIRED, format = "uuid",
                    example = "0f8b2c1e-6d4a-4c3b-9a7e-2b5d8e1f4a60")
            String platformId,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "The instant asked about.",
                    example = "2026-01-31T00:00:00Z")
            Instant at,
            @Schema(requiredMode = RequiredMode.REQUIRED, pattern = "^[A-Z]{3}$", description = CURRENCY_DESCRIPTION,
                    example = "USD")
            String currency,
            @Schema(requiredMode = RequiredMode.REQUIRED, pattern = AMOUNT, description = AMOUNT_DESCRIPTION,
                    example = "500.00")
            String total,
            @Schema(requiredMode = RequiredMode.REQUIRED, pattern = AMOUNT,
                    description = "The customers' credits together. " + AMOUNT_DESCRIPTION, example = "150.00")
            String allocated,
            @Schema(requiredMode = RequiredMode.REQUIRED, pattern = AMOUNT,
                    description = "total minus allocated. " + AMOUNT_DESCRIPTION, example = "350.00")
            String available) {

        static PoolAsOfView of(PoolAsOf figures) {
            return new PoolAsOfView(figures.platformId(), figures.at(), figures.currency(),
                    Money.format(figures.total(), figures.currency()),
                    Money.format(figures.allocated(), figures.currency()),
                    Money.format(figures.total() - figures.allocated(), figures.currency()));
        }
    }

    /** {@code lastHash}: the chain's head, to compare with the last hash published on Kafka. */
    public record VerificationView(
            @Schema(requiredMode = RequiredMode.REQUIRED, pattern = "^(customer|credit-pool):[0-9a-f-]{36}$",
                    description = "`customer:<customerId>` or `credit-pool:<platformId>`.",
                    example = "customer:3f2b6c1e-8a4d-4f7b-9c2e-5d1a7b9e0c42")
            String chain,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "True when every entry holds.",
                    example = "true")
            boolean ok,
            @Schema(requiredMode = RequiredMode.REQUIRED, minimum = "0",
                    description = "The entries that hold, up to the first broken one.", example = "3")
            long entries,
            @Schema(pattern = "^[0-9a-f]{64}$", description = "The SHA-256 (hex) of the last entry that holds: the"
                    + " chain's head when ok; left out when no entry holds.",
                    example = "2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881")
            String lastHash,
            @Schema(description = "The first entry that breaks a rule; left out when ok.")
            Break firstBroken,
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "2026-01-31T08:00:00.412Z")
            Instant verifiedAt) {

        static VerificationView of(Verification verification) {
            return new VerificationView(verification.chain(), verification.ok(), verification.entries(),
                    verification.lastHash(), verification.firstBroken(), verification.verifiedAt());
        }
    }

    @GetMapping("/api/v1/customers/{customerId}/ledger/as-of")
    @Operation(summary = "A customer's figures as of an instant, replayed from the event store",
            operationId = "getCustomerLedgerAsOf")
    @AsOfInstant
    public CustomerAsOfView customerAsOf(@AuthenticationPrincipal Jwt jwt, @PathVariable String customerId,
                                         @Parameter(hidden = true) @RequestParam Map<String, String> parameters) {
        return CustomerAsOfView.of(audit.customerAsOf(Caller.of(jwt), customerId, parameters));
    }

    @GetMapping("/api/v1/customers/{customerId}/ledger/verification")
    @Operation(summary = "Verify a customer's ledger hash chain", operationId = "verifyCustomerLedger")
    public VerificationView verifyCustomer(@AuthenticationPrincipal Jwt jwt, @PathVariable String customerId) {
        return VerificationView.of(audit.verifyCustomer(Caller.of(jwt), customerId));
    }

    @GetMapping("/api/v1/credit-pool/as-of")
    @Operation(summary = "The platform's pool as of an instant, replayed from the event store",
            operationId = "getCreditPoolAsOf")
    @AsOfInstant
    public PoolAsOfView poolAsOf(@AuthenticationPrincipal Jwt jwt, @Parameter(hidden = true) @RequestParam Map<String, String> parameters) {
        return PoolAsOfView.of(audit.poolAsOf(Caller.of(jwt), parameters));
    }

    @GetMapping("/api/v1/credit-pool/verification")
    @Operation(summary = "Verify the platform pool's hash chain", operationId = "verifyCreditPool")
    public VerificationView verifyPool(@AuthenticationPrincipal Jwt jwt) {
        return VerificationView.of(audit.verifyPool(Caller.of(jwt)));
    }
}
