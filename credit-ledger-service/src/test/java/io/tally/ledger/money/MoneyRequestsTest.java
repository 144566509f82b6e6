package io.tally.ledger.money;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.tally.service.web.Caller;
import io.tally.service.web.DomainException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyRequestsTest {

    private static final Caller ADMIN = new Caller("admin-1", "PLATFORM_ADMIN", "p-1");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private static void assertRefused(ThrowingCallable call, String code, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DomainException.class, refused -> {
            assertThat(refused.code()).isEqualTo(code);
            assertThat(refused.field()).isEqualTo(field);
        });
    }

    @Test
    void theIdempotencyKeyIsRequiredAndHasAtMost255Characters() {
        assertRefused(() -> MoneyRequests.request(null, ADMIN), "idempotency_key_required", "Idempotency-Key");
        assertRefused(() -> MoneyRequests.request(" ", ADMIN), "idempotency_key_required", "Idempotency-Key");
        assertRefused(() -> MoneyRequests.request("k".repeat(256), ADMIN), "idempotency_key_too_long",
                "Idempotency-Key");
        assertThat(MoneyRequests.request("k".repeat(255), ADMIN)).isEqualTo(new Request("k".repeat(255), "admin-1"));
    }

    @Test
    void anAmountIsADecimalStringNeverAJsonNumber() {
        assertRefused(() -> MoneyRequests.positive("amount", JSON.numberNode(5), "USD"), "amount_not_a_string",
                "amount");
        assertRefused(() -> MoneyRequests.nonNegative("total", JSON.numberNode(5), "USD"), "amount_not_a_string",
                "total");
        assertRefused(() -> MoneyRequests.positive("amount", null, "USD"), "amount_required", "amount");
        assertRefused(() -> MoneyRequests.positive("amount", JSON.nullNode(), "USD"), "amount_required", "amount");
        assertThat(MoneyRequests.positive("amount", JSON.textNode("20.00"), "USD")).isEqualTo(2000);
    }

    @Test
    void aRefillOrDeductionIsPositiveATotalOrCreditsTargetMayBeZeroNeitherNegative() {
        assertRefused(() -> MoneyRequests.positive("amount", JSON.textNode("0.00"), "USD"), "amount_not_positive",
                "amount");
        assertThat(MoneyRequests.nonNegative("total", JSON.textNode("0"), "USD")).isZero();
        assertRefused(() -> MoneyRequests.nonNegative("total", JSON.textNode("-1.00"), "USD"),
                "amount_not_positive", "total");
    }

    @Test
    void aNoteIsStrippedHasAtMost500CharactersNoControlCharactersAndBlankIsNone() {
        assertThat(MoneyRequests.note(null)).isNull();
        assertThat(MoneyRequests.note(" \t ")).isNull();
        assertThat(MoneyRequests.note("  top-up ")).isEqualTo("top-up");
        assertThat(MoneyRequests.note(" " + "n".repeat(500) + " ")).hasSize(500);
        assertRefused(() -> MoneyRequests.note("n".repeat(501)), "note_too_long", "note");
        assertRefused(() -> MoneyRequests.note("first line\nsecond line"), "control_character", "note");
    }
}
