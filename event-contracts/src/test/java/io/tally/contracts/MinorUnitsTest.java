package io.tally.contracts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MinorUnitsTest {

    @Test
    void theCurrencyDecidesTheDecimals() {
        assertThat(MinorUnits.fractionDigits("USD")).isEqualTo(2);
        assertThat(MinorUnits.fractionDigits("JPY")).isZero();
        assertThat(MinorUnits.fractionDigits("BHD")).isEqualTo(3);
        assertThat(MinorUnits.fractionDigits("XAU")).as("no minor unit in ISO 4217").isZero();
    }

    @Test
    void formatsExactlyWithTheCurrencysDecimals() {
        assertThat(MinorUnits.format(2000, "USD")).isEqualTo("20.00");
        assertThat(MinorUnits.format(-250, "EUR")).isEqualTo("-2.50");
        assertThat(MinorUnits.format(5, "USD")).isEqualTo("0.05");
        assertThat(MinorUnits.format(1500, "JPY")).isEqualTo("1500");
        assertThat(MinorUnits.format(1_000_000_000_000_000L, "BHD")).isEqualTo("1000000000000.000");
        assertThat(MinorUnits.format(0, 2)).isEqualTo("0.00");
    }

    @Test
    void anUnknownCurrencyIsRefused() {
        assertThatThrownBy(() -> MinorUnits.format(1, "ZZZ")).isInstanceOf(IllegalArgumentException.class);
    }
}
