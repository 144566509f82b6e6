package io.tally.ledger.money;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

    private static void assertRefused(String amount, String currency, String code) {
        assertThatThrownBy(() -> Money.positive("amount", amount, currency))
                .isInstanceOf(InvalidAmountException.class)
                .satisfies(e -> {
                    assertThat(((InvalidAmountException) e).code()).as(amount).isEqualTo(code);
                    assertThat(((InvalidAmountException) e).field()).isEqualTo("amount");
                });
    }

    @Test
    void decimalStringsBecomeMinorUnitsOfTheCurrency() {
        assertThat(Money.positive("amount", "20.00", "USD")).isEqualTo(2000);
        assertThat(Money.positive("amount", "20", "USD")).isEqualTo(2000);
        assertThat(Money.positive("amount", "0.01", "EUR")).isEqualTo(1);
        assertThat(Money.positive("amount", "1500", "JPY")).isEqualTo(1500);
        assertThat(Money.positive("amount", "1.234", "BHD")).isEqualTo(1234);
        assertThat(Money.parse("amount", "0", "USD")).isZero();
        assertThat(Money.positive("amount", "10000000000000.00", "USD")).isEqualTo(Money.MAX_MINOR_UNITS);
    }

    @Test
    void minorUnitsAreWrittenWithTheCurrencysDecimals() {
        assertThat(Money.format(2000, "USD")).isEqualTo("20.00");
        assertThat(Money.format(5, "EUR")).isEqualTo("0.05");
        assertThat(Money.format(1500, "JPY")).isEqualTo("1500");
        assertThat(Money.format(0, "BHD")).isEqualTo("0.000");
    }

    @Test
    void zeroNegativeTooPreciseNonNumbersAndAbsurdSizesAreRefused() {
        assertRefused("0", "USD", "amount_not_positive");
        assertRefused("0.00", "USD", "amount_not_positive");
        assertRefused("-5.00", "USD", "amount_not_positive");
        assertRefused("+5.00", "USD", "amount_not_a_number");
        assertRefused("20.001", "USD", "amount_too_precise");
        assertRefused("20.000", "USD", "amount_too_precise");
        assertRefused("1.5", "JPY", "amount_too_precise");
        assertRefused("twenty", "USD", "amount_not_a_number");
        assertRefused("1e3", "USD", "amount_not_a_number");
        assertRefused("20,00", "USD", "amount_not_a_number");
        assertRefused(" 20.00", "USD", "amount_not_a_number");
        assertRefused("NaN", "USD", "amount_not_a_number");
        assertRefused(".5", "USD", "amount_not_a_number");
        assertRefused("10000000000000.01", "USD", "amount_too_large");
        assertRefused("9".repeat(30), "USD", "amount_too_large");
        assertRefused("9".repeat(31), "USD", "amount_not_a_number");
        assertRefused("", "USD", "amount_required");
        assertRefused(null, "USD", "amount_required");
    }
}
