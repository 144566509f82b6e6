package io.tally.ledger.credits;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.tally.ledger.credits.CreditPoolProjection.CreditPool;
import io.tally.ledger.money.Money;
import io.tally.ledger.money.MoneyRequests;
import io.tally.service.web.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** The provider sets a platform's pool total; the platform's admins read their pool. */
@RestController
class PoolController {

    /** Pool figures are never negative. */
    private static final String AMOUNT = "^[0-9]+(\\.[0-9]{1,4})?$";
    private static final String AMOUNT_DESCRIPTION =
            "A decimal string with exactly the currency's decimals (2 for USD).";

    private final CreditService credits;

    PoolController(CreditService credits) {
        this.credits = credits;
    }

    /** Decimal strings in {@code currency}. */
    public record PoolFigures(
            @Schema(requiredMode = RequiredMode.REQUIRED, pattern = AMOUNT, description = AMOUNT_DESCRIPTION,
                    example = "500.00")
            String total,
            @Schema(requiredMode = RequiredMode.REQUIRED, pattern = AMOUNT,
                    description = "The customers' credits together. " + AMOUNT_DESCRIPTION, example = "150.00")
            String allocated,
            @Schema(requiredMode = RequiredMode.REQUIRED, pattern = AMOUNT,
                    description = "total minus allocated. " + AMOUNT_DESCRIPTION, example = "350.00")
            String available,
            @Schema(requiredMode = RequiredMode.REQUIRED, pattern = "^[A-Z]{3}$",
                    description = "The platform's ISO 4217 currency.", example = "USD")
            String currency) {

        static PoolFigures of(String currency, long total, long allocated) {
            return new PoolFigures(Money.format(total, currency), Money.format(allocated, currency),
                    Money.format(total - allocated, currency), currency);
        }
    }

    @PutMapping("/api/v1/platforms/{platformId}/credit-pool")
    @Operation(summary = "Set a platform's credit pool total (provider)", operationId = "setCreditPoolTotal")
    @ApiResponse(responseCode = "200", description = "The figures after the change.")
    @ApiResponse(responseCode = "409", description = "`total_below_allocated`, or `idempotency_key_in_use` (the same key at once on another instance).",
            content = @Content)
    public ResponseEntity<PoolSetFigures> setTotal(@AuthenticationPrincipal Jwt jwt, @PathVariable String platformId,
                                                @RequestHeader(value = MoneyRequests.IDEMPOTENCY_KEY,
                                                        required = false) String idempotencyKey,
                                                @RequestBody TotalRequest body) {
        PoolOutcome outcome = credits.setPoolTotal(Caller.of(jwt), platformId, idempotencyKey, body);
        return ResponseEntity.ok().header(MoneyRequests.REPLAYED, Boolean.toString(outcome.replayed()))
                .body(PoolSetFigures.of(outcome));
    }

    @GetMapping("/api/v1/credit-pool")
    @Operation(summary = "The platform's credit pool", operationId = "getCreditPool")
    public PoolFigures pool(@AuthenticationPrincipal Jwt jwt) {
        CreditPool pool = credits.pool(Caller.of(jwt));
        return PoolFigures.of(pool.currency(), pool.total(), pool.allocated());
    }
}
