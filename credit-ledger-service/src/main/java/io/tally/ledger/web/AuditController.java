package io.tally.ledger.web;

import io.tally.ledger.audit.LedgerAudit;
import io.tally.ledger.audit.LedgerAudit.Break;
import io.tally.ledger.audit.LedgerAudit.CustomerAsOf;
import io.tally.ledger.audit.LedgerAudit.PoolAsOf;
import io.tally.ledger.audit.LedgerAudit.Verification;
import io.tally.ledger.command.Money;
import io.tally.ledger.command.Rejections.PlatformNotFoundException;
import io.tally.ledger.query.LedgerDirectory;
import io.tally.service.web.BadRequestException;
import io.tally.service.web.Caller;
import io.tally.service.web.QueryParameters;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * The auditors' questions, answered from the event store: a customer's or the platform's pool
 * figures as of an instant, and the verification of a hash chain. A platform admin asks about
 * the platform's own customers and pool.
 */
@RestController
public class AuditController {

    private static final Set<String> AS_OF = Set.of("at");

    private final LedgerAudit audit;
    private final LedgerDirectory directory;
    private final Clock clock;

    public AuditController(LedgerAudit audit, LedgerDirectory directory, Clock clock) {
        this.audit = audit;
        this.directory = directory;
        this.clock = clock;
    }

    /** The customer's figures after the last entry made at or before {@code at}. */
    public record CustomerAsOfView(String customerId, Instant at, String currency, String balance, String credits,
                                   long entries, String lastEntryId, Instant lastEntryAt) {
    }

    public record PoolAsOfView(String platformId, Instant at, String currency, String total, String allocated,
                               String available) {
    }

    /** {@code lastHash}: the chain's head, to compare with the last hash published on Kafka. */
    public record VerificationView(String chain, boolean ok, long entries, String lastHash, Break firstBroken,
                                   Instant verifiedAt) {

        static VerificationView of(String chain, Verification verification, Instant verifiedAt) {
            return new VerificationView(chain, verification.ok(), verification.entries(), verification.lastHash(),
                    verification.firstBroken(), verifiedAt);
        }
    }

    @GetMapping("/api/v1/customers/{customerId}/ledger/as-of")
    public CustomerAsOfView customerAsOf(@AuthenticationPrincipal Jwt jwt, @PathVariable String customerId,
                                         @RequestParam Map<String, String> parameters) {
        Caller caller = Caller.of(jwt);
        String customer = directory.requireCustomerOf(caller.platformId(), customerId);
        Instant at = at(parameters);
        String currency = currencyOf(caller.platformId());
        CustomerAsOf figures = audit.customerAsOf(customer, at);
        return new CustomerAsOfView(customer, at, currency, Money.format(figures.balance(), currency),
                Money.format(figures.credits(), currency), figures.entries(), figures.lastEntryId(),
                figures.lastEntryAt());
    }

    @GetMapping("/api/v1/customers/{customerId}/ledger/verification")
    public VerificationView verifyCustomer(@AuthenticationPrincipal Jwt jwt, @PathVariable String customerId) {
        Caller caller = Caller.of(jwt);
        String customer = directory.requireCustomerOf(caller.platformId(), customerId);
        return VerificationView.of("customer:" + customer, audit.verifyCustomer(customer), clock.instant());
    }

    @GetMapping("/api/v1/credit-pool/as-of")
    public PoolAsOfView poolAsOf(@AuthenticationPrincipal Jwt jwt, @RequestParam Map<String, String> parameters) {
        Caller caller = Caller.of(jwt);
        String currency = currencyOf(caller.platformId());
        Instant at = at(parameters);
        PoolAsOf figures = audit.poolAsOf(caller.platformId(), at);
        return new PoolAsOfView(caller.platformId(), at, currency, Money.format(figures.total(), currency),
                Money.format(figures.allocated(), currency),
                Money.format(figures.total() - figures.allocated(), currency));
    }

    @GetMapping("/api/v1/credit-pool/verification")
    public VerificationView verifyPool(@AuthenticationPrincipal Jwt jwt) {
        Caller caller = Caller.of(jwt);
        currencyOf(caller.platformId());
        return VerificationView.of("credit-pool:" + caller.platformId(), audit.verifyPool(caller.platformId()),
                clock.instant());
    }

    private String currencyOf(String platformId) {
        if (platformId == null) {
            throw new PlatformNotFoundException("(none)");
        }
        return directory.currencyOf(platformId).orElseThrow(() -> new PlatformNotFoundException(platformId));
    }

    /** Required, an ISO-8601 instant, and not in the future: the ledger does not know it yet. */
    private Instant at(Map<String, String> values) {
        Instant at = new QueryParameters(values, AS_OF, "As-of").optional("at",
                value -> QueryParameters.instant("at", value)).orElseThrow(() -> new BadRequestException("at",
                "required", "at is required: the instant, such as 2026-01-31T00:00:00Z, to replay the ledger to."));
        if (at.isAfter(clock.instant())) {
            throw new BadRequestException("at", "not_in_future", "at must not be in the future.");
        }
        return at;
    }
}
