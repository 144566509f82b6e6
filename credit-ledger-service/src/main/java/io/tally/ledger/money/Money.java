package io.tally.ledger.money;

import io.tally.contracts.MinorUnits;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/**
 * Amounts as the API writes them (decimal strings such as {@code "20.00"}) and as the ledger
 * keeps them (integer minor units of the platform's currency). Parsing refuses anything that is
 * not a plain non-negative decimal number, has more decimals than the currency, or exceeds
 * 10^15 minor units (which keeps every figure exact in JavaScript clients too).
 */
public final class Money {

    public static final long MAX_MINOR_UNITS = 1_000_000_000_000_000L;
    private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,30}(\\.[0-9]{1,30})?");
    private static final Pattern SIGNED_DECIMAL = Pattern.compile("[-+][0-9]{1,30}(\\.[0-9]{1,30})?");

    private Money() {
    }


    /** A positive amount (a refill, a deduction). */
    public static long positive(String field, String amount, String currency) {
        long minorUnits = parse(field, amount, currency);
        if (minorUnits == 0) {
            throw new InvalidAmountException("amount_not_positive", field, field + " must be greater than zero.");
        }
        return minorUnits;
    }

    /** An amount that may be zero (a credits target, a pool total). */
    public static long parse(String field, String amount, String currency) {
        if (amount == null || amount.isBlank()) {
            throw new InvalidAmountException("amount_required", field, field + " is required, e.g. \"20.00\".");
        }
        if (SIGNED_DECIMAL.matcher(amount).matches()) {
            if (amount.startsWith("-") && new BigDecimal(amount).signum() != 0) {
                throw new InvalidAmountException("amount_not_positive", field, field + " must not be negative.");
            }
            throw new InvalidAmountException("amount_not_a_number", field,
                    field + " is a decimal number without a sign, e.g. \"20.00\".");
        }
        if (!DECIMAL.matcher(amount).matches()) {
            throw new InvalidAmountException("amount_not_a_number", field,
                    field + " is a decimal number written as a string, e.g. \"20.00\".");
        }
        int digits = MinorUnits.fractionDigits(currency);
        BigDecimal value = new BigDecimal(amount);
        if (value.scale() > digits) {
            throw new InvalidAmountException("amount_too_precise", field,
                    field + " has at most " + digits + " decimals in " + currency + ".");
        }
        BigDecimal minorUnits = value.movePointRight(digits).setScale(0, RoundingMode.UNNECESSARY);
        if (minorUnits.compareTo(BigDecimal.valueOf(MAX_MINOR_UNITS)) > 0) {
            throw new InvalidAmountException("amount_too_large", field,
                    field + " is at most " + format(MAX_MINOR_UNITS, currency) + ".");
        }
        return minorUnits.longValueExact();
    }

    /** {@code 2000} in USD is {@code "20.00"}. */
    public static String format(long minorUnits, String currency) {
        return MinorUnits.format(minorUnits, currency);
    }
}
