package io.tally.ledger.money;

import com.fasterxml.jackson.databind.JsonNode;
import io.tally.service.web.Caller;

/**
 * What every money write shares: the Idempotency-Key (required, 1 to 255 characters), amounts
 * as decimal strings (a JSON number is refused: it may already have lost digits), and an
 * optional note.
 */
public final class MoneyRequests {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    static final int MAX_KEY_LENGTH = 255;
    static final int MAX_NOTE_LENGTH = 500;

    private MoneyRequests() {
    }

    public static Request request(String idempotencyKey, Caller caller) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw new InvalidRequestException("idempotency_key_required", IDEMPOTENCY_KEY,
                    "Every money write needs an Idempotency-Key header, unique per intended change.");
        }
        if (idempotencyKey.length() > MAX_KEY_LENGTH) {
            throw new InvalidRequestException("idempotency_key_too_long", IDEMPOTENCY_KEY,
                    "An Idempotency-Key has at most " + MAX_KEY_LENGTH + " characters.");
        }
        return new Request(idempotencyKey, caller.subject());
    }

    public static long positive(String field, JsonNode amount, String currency) {
        return Money.positive(field, text(field, amount), currency);
    }

    public static long nonNegative(String field, JsonNode amount, String currency) {
        return Money.parse(field, text(field, amount), currency);
    }

    /** A blank note is no note. */
    public static String note(String note) {
        if (note == null || note.isBlank()) {
            return null;
        }
        String stripped = note.strip();
        if (stripped.length() > MAX_NOTE_LENGTH) {
            throw new InvalidRequestException("note_too_long", "note",
                    "A note has at most " + MAX_NOTE_LENGTH + " characters.");
        }
        if (stripped.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidRequestException("control_character", "note", "note must not contain control characters.");
        }
        return stripped;
    }

    private static String text(String field, JsonNode amount) {
        if (amount == null || amount.isNull()) {
            return null;
        }
        if (!amount.isTextual()) {
            throw new InvalidAmountException("amount_not_a_string", field,
                    field + " is a decimal string such as \"20.00\", not a JSON number.");
        }
        return amount.asText();
    }
}
