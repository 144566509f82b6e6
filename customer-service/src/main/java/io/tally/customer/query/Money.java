package io.tally.customer.query;

import java.math.BigDecimal;

/** Amounts are integer minor units inside and decimal strings outside. */
public final class Money {

    private Money() {
    }

    public static String format(long minorUnits, int fractionDigits) {
        return BigDecimal.valueOf(minorUnits, fractionDigits).toPlainString();
    }
}
