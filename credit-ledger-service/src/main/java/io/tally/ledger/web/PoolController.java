package io.tally.ledger.web;

import io.tally.ledger.command.Commands.SetPoolTotalCommand;
import io.tally.ledger.command.Money;
import io.tally.ledger.command.Outcomes.PoolOutcome;
import io.tally.ledger.command.Rejections.PlatformNotFoundException;
import io.tally.ledger.query.CreditPoolProjection;
import io.tally.ledger.query.CreditPoolProjection.CreditPool;
import io.tally.ledger.query.LedgerDirectory;
import io.tally.ledger.web.MoneyRequests.TotalRequest;
import io.tally.service.web.Caller;
import io.tally.service.web.Dispatcher;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** The provider sets a platform's pool total; the platform's admins read their pool. */
@RestController
public class PoolController {

    private final Dispatcher dispatcher;
    private final LedgerDirectory directory;
    private final CreditPoolProjection pools;
    private final LedgerMeters meters;

    PoolController(Dispatcher dispatcher, LedgerDirectory directory, CreditPoolProjection pools,
                   LedgerMeters meters) {
        this.dispatcher = dispatcher;
        this.directory = directory;
        this.pools = pools;
        this.meters = meters;
    }

    /** Decimal strings in {@code currency}. */
    public record PoolFigures(String total, String allocated, String available, String currency) {

        static PoolFigures of(String currency, long total, long allocated) {
            return new PoolFigures(Money.format(total, currency), Money.format(allocated, currency),
                    Money.format(total - allocated, currency), currency);
        }
    }

    @PutMapping("/api/v1/platforms/{platformId}/credit-pool")
    public ResponseEntity<PoolFigures> setTotal(@AuthenticationPrincipal Jwt jwt, @PathVariable String platformId,
                                                @RequestHeader(value = MoneyRequests.IDEMPOTENCY_KEY,
                                                        required = false) String idempotencyKey,
                                                @RequestBody TotalRequest body) {
        Caller caller = Caller.of(jwt);
        String platform = canonical(platformId);
        String currency = directory.currencyOf(platform).orElseThrow(() -> new PlatformNotFoundException(platformId));
        long total = MoneyRequests.nonNegative("total", body.total(), currency);
        PoolOutcome outcome;
        try {
            SetPoolTotalCommand command = new SetPoolTotalCommand(platform, total,
                    MoneyRequests.request(idempotencyKey, caller));
            outcome = meters.count("pool_total", () -> dispatcher.<PoolOutcome>send(command, caller),
                    PoolOutcome::replayed);
        } catch (AggregateNotFoundException notFound) {
            throw new PlatformNotFoundException(platformId);
        }
        return ResponseEntity.ok().header(MoneyRequests.REPLAYED, Boolean.toString(outcome.replayed()))
                .body(PoolFigures.of(currency, outcome.total(), outcome.allocated()));
    }

    @GetMapping("/api/v1/credit-pool")
    public PoolFigures pool(@AuthenticationPrincipal Jwt jwt) {
        Caller caller = Caller.of(jwt);
        CreditPool pool = pools.find(caller.platformId())
                .orElseThrow(() -> new PlatformNotFoundException(caller.platformId()));
        return PoolFigures.of(pool.currency(), pool.total(), pool.allocated());
    }

    private static String canonical(String platformId) {
        try {
            return UUID.fromString(platformId).toString();
        } catch (IllegalArgumentException malformed) {
            throw new PlatformNotFoundException(platformId);
        }
    }
}
