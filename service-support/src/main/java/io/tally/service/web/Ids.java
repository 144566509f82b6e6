package io.tally.service.web;

import java.util.UUID;
import java.util.function.Function;

/**
 * Ids as a request names them. Every id in Tally is a UUID, so a malformed one names nothing: it gets the same
 * refusal as an unknown or another platform's id (404), never a 400 that would tell them apart.
 */
public final class Ids {

    private Ids() {
    }

    /** The id as a UUID, or the refusal {@code notFound} makes of it. */
    public static UUID uuidOr(String id, Function<String, ? extends RuntimeException> notFound) {
        if (id == null) {
            throw notFound.apply(null);
        }
        try {
            UUID uuid = UUID.fromString(id);
            if (uuid.toString().equalsIgnoreCase(id)) {
                return uuid;
            }
        } catch (IllegalArgumentException malformed) {
            // refused below
        }
        throw notFound.apply(id);
    }

    /** The id in its canonical (lower-case) form, or the refusal {@code notFound} makes of it. */
    public static String canonicalOr(String id, Function<String, ? extends RuntimeException> notFound) {
        return uuidOr(id, notFound).toString();
    }
}
