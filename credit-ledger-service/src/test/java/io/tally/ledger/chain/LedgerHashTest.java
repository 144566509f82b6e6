package io.tally.ledger.chain;

import io.tally.contracts.ledger.BalanceRefilledEvent;
import io.tally.contracts.ledger.CustomerCreditsSetEvent;
import io.tally.contracts.ledger.PlatformCreditPoolSetEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class LedgerHashTest {

    private static final Instant AT = Instant.parse("2025-03-01T10:00:00.123Z");

    private static BalanceRefilledEvent refill(String note, String previousHash) {
        return new BalanceRefilledEvent("e1", "c1", "p1", "USD", 2000, 2000, 0, note, "key-1", "admin", AT,
                previousHash, null);
    }

    @Test
    void theHashIsSha256HexOfTheCanonicalEncodingAndIgnoresTheHashField() {
        BalanceRefilledEvent sealed = LedgerHash.seal(refill("first", null));
        assertThat(sealed.hash()).matches("[0-9a-f]{64}").isEqualTo(LedgerHash.of(refill("first", null)));
        assertThat(LedgerHash.of(sealed)).isEqualTo(sealed.hash());
    }

    @Test
    void everyFieldAndThePreviousHashCount() {
        String base = LedgerHash.of(refill("first", null));
        assertThat(LedgerHash.of(refill("First", null))).isNotEqualTo(base);
        assertThat(LedgerHash.of(refill(null, null))).isNotEqualTo(base);
        assertThat(LedgerHash.of(refill("first", "0".repeat(64)))).isNotEqualTo(base);
        assertThat(LedgerHash.of(new BalanceRefilledEvent("e1", "c1", "p1", "USD", 2001, 2000, 0, "first", "key-1",
                "admin", AT, null, null))).isNotEqualTo(base);
        assertThat(LedgerHash.of(new BalanceRefilledEvent("e1", "c1", "p1", "USD", 2000, 2000, 0, "first", "key-1",
                "admin", AT.plusNanos(1_000_000), null, null))).isNotEqualTo(base);
    }

    @Test
    void fieldBoundariesCannotBeShifted() {
        // The same characters split differently between note and key must hash differently.
        String a = LedgerHash.of(new BalanceRefilledEvent("e1", "c1", "p1", "USD", 1, 1, 0, "ab", "c", "x", AT, null,
                null));
        String b = LedgerHash.of(new BalanceRefilledEvent("e1", "c1", "p1", "USD", 1, 1, 0, "a", "bc", "x", AT, null,
                null));
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void theEncodingIsTheDocumentedOne() {
        // Computed independently (a few lines of Python following docs/events.md), so that an
        // auditor's tool and the service cannot drift apart unnoticed; the second has a note of
        // multi-byte characters, whose length counts UTF-8 bytes.
        assertThat(LedgerHash.of(refill("first", null)))
                .isEqualTo("ee0e8dbef510469ce28020ca5554ab2c3f1f9e31a54e103a6fd3c406d9070c78");
        assertThat(LedgerHash.of(refill("caf\u00e9 \u2713", null)))
                .isEqualTo("4a5d000242e7b931bd700838b1e3683bb1dd0ffe5c0a67e99d7cdab1db1aa753");
    }

    @Test
    void aCreditChangeAndAPoolTotalWithTheSameFiguresHashDifferently() {
        assertThat(LedgerHash.of(new CustomerCreditsSetEvent("e2", "c1", "p1", "USD", 0, 2000, 2000, 5000, "k", "a",
                AT, null, null))).isNotEqualTo(LedgerHash.of(new PlatformCreditPoolSetEvent("e2", "p1", "USD", 0,
                2000, 2000, 5000, "k", "a", AT, null, null)));
    }
}
