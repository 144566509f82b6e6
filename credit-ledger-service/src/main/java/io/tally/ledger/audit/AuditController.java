package io.tally.ledger.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
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

    private final LedgerAudit audit;

    AuditController(LedgerAudit audit) {
        this.audit = audit;
    }

    /** The customer's figures after the last entry made at or before {@code at}. */
    public record CustomerAsOfView(String customerId, Instant at, String currency, String balance, String credits,
                                   long entries, String lastEntryId, Instant lastEntryAt) {

        static CustomerAsOfView of(CustomerAsOf figures) {
            return new CustomerAsOfView(figures.customerId(), figures.at(), figures.currency(),
                    Money.format(figures.balance(), figures.currency()),
                    Money.format(figures.credits(), figures.currency()), figures.entries(), figures.lastEntryId(),
                    figures.lastEntryAt());
        }
    }

    public record PoolAsOfView(String platformId, Instant at, String currency, String total, String allocated,
                               String available) {

        static PoolAsOfView of(PoolAsOf figures) {
            return new PoolAsOfView(figures.platformId(), figures.at(), figures.currency(),
                    Money.format(figures.total(), figures.currency()),
                    Money.format(figures.allocated(), figures.currency()),
                    Money.format(figures.total() - figures.allocated(), figures.currency()));
        }
    }

    /** {@code lastHash}: the chain's head, to compare with the last hash published on Kafka. */
    public record VerificationView(String chain, boolean ok, long entries, String lastHash, Break firstBroken,
                                   Instant verifiedAt) {

        static VerificationView of(Verification verification) {
            return new VerificationView(verification.chain(), verification.ok(), verification.entries(),
                    verification.lastHash(), verification.firstBroken(), verification.verifiedAt());
        }
    }

    @GetMapping("/api/v1/customers/{customerId}/ledger/as-of")
    @Operation(summary = "A customer's figures as of an instant, replayed from the event store",
            operationId = "getCustomerLedgerAsOf")
    @Parameter(name = "at", in = ParameterIn.QUERY, required = true, description = "The instant; not in the future.",
            schema = @Schema(type = "string", format = "date-time", example = "2026-01-31T00:00:00Z"))
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
    @Parameter(name = "at", in = ParameterIn.QUERY, required = true, description = "The instant; not in the future.",
            schema = @Schema(type = "string", format = "date-time", example = "2026-01-31T00:00:00Z"))
    public PoolAsOfView poolAsOf(@AuthenticationPrincipal Jwt jwt, @Parameter(hidden = true) @RequestParam Map<String, String> parameters) {
        return PoolAsOfView.of(audit.poolAsOf(Caller.of(jwt), parameters));
    }

    @GetMapping("/api/v1/credit-pool/verification")
    @Operation(summary = "Verify the platform pool's hash chain", operationId = "verifyCreditPool")
    public VerificationView verifyPool(@AuthenticationPrincipal Jwt jwt) {
        return VerificationView.of(audit.verifyPool(Caller.of(jwt)));
    }
}
