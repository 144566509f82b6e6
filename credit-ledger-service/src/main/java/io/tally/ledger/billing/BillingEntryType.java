package io.tally.ledger.billing;

/** The kinds of billing-details entries, as the API names them. */
enum BillingEntryType {
    /** Money added to the balance. */
    REFILL,
    /** Money taken from the balance. */
    DEDUCTION,
    /** The customer's credits set: the difference came from or went back to the platform's pool. */
    CREDITS
}
