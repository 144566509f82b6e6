package io.tally.contracts;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * Amounts in Tally's events and stores are whole minor units of an ISO 4217 currency ({@code 2000} USD cents);
 * outside, in the API and in exports, they are decimal strings in the currency ({@code "20.00"}). This is the one
 * conversion between the two that every service uses.
 */
public final class MinorUnits {

    private MinorUnits() {
    }

    /** Decimals of the currency's minor unit: 2 for USD and EUR, 0 for JPY, 3 for BHD; 0 where ISO has none. */
    public static int fractionDigits(String currency) {
        return Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
    }

    /** {@code 2000} in USD is {@code "20.00"}; {@code -250} is {@code "-2.50"}. */
    public static String format(long minorUnits, String currency) {
        return format(minorUnits, fractionDigits(currency));
    }

    /** {@code 2000} with 2 decimals is {@code "20.00"}. */
    public static String format(long minorUnits, int fractionDigits) {
        return BigDecimal.valueOf(minorUnits, fractionDigits).toPlainString();
    }
}
