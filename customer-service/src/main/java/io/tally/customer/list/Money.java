package io.tally.customer.list;

import java.math.BigDecimal;
import java.util.Currency;

/** Amounts are integer minor units inside and decimal strings outside. */
final class Money {

    private Money() {
    }

    /** Decimals of the currency's minor unit: 2 for USD, 0 for JPY, 3 for BHD; 0 where ISO has none. */
    public static int fractionDigits(String currency) {
        return Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
    }

    public static String format(long minorUnits, int fractionDigits) {
        return BigDecimal.valueOf(minorUnits, fractionDigits).toPlainString();
    }
}
