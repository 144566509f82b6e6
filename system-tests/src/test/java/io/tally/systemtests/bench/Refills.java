package io.tally.systemtests.bench;

import io.tally.systemtests.support.Api;
import io.tally.testsupport.bench.ClosedLoop;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Refills of 1.00 on the platform's customers, a fresh Idempotency-Key each, that remember what
 * they were answered: how many the target applied (200) and the highest balance it answered for
 * each customer, the balance the customer list must show once the projections have caught up.
 */
final class Refills {

    private final BenchPlatform platform;
    private final OddAnswers odd;
    private final AtomicLong applied = new AtomicLong();
    private final Map<String, BigDecimal> balances = new ConcurrentHashMap<>();

    Refills(BenchPlatform platform, OddAnswers odd) {
        this.platform = platform;
        this.odd = odd;
    }

    /** Refills answered 200 so far, in every run. */
    long applied() {
        return applied.get();
    }

    /** Each customer refilled so far, and the highest balance a refill of theirs was answered with. */
    Map<String, BigDecimal> balances() {
        return Map.copyOf(balances);
    }

    /**
     * Client {@code c} of {@code clients} refills the customers {@code c, c + clients, ...} in
     * turn: no two clients write to the same customer.
     */
    ClosedLoop.ClientFactory clients(Api api, int clients, String keyPrefix) {
        List<String> customers = platform.customers();
        String token = platform.adminToken();
        String prefix = keyPrefix + "-" + platform.runId() + "-";
        return index -> {
            List<String> mine = new ArrayList<>();
            for (int i = index; i < customers.size(); i += clients) {
                mine.add(customers.get(i));
            }
            long[] sent = {0};
            return () -> {
                String customer = mine.get((int) (sent[0] % mine.size()));
                Api.Response answer = BenchPlatform.send(api, "POST", "/api/v1/customers/" + customer
                        + "/balance/refills", token, BenchPlatform.REFILL_BODY, prefix + index + "-" + sent[0]++);
                if (answer.status() != 200) {
                    odd.note(keyPrefix + " refill answered " + answer);
                    return false;
                }
                applied.incrementAndGet();
                balances.merge(customer, new BigDecimal(answer.json().path("balance").asText()), BigDecimal::max);
                return true;
            };
        };
    }
}
