package io.tally.service.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A request's query parameters, refusing unknown ones so that a typo is not silently ignored and
 * text that breaks the {@link Text} rule, with the parsers the list endpoints share; every refusal is a {@link BadRequestException}
 * naming the parameter and the rule.
 */
public final class QueryParameters {

    private final Map<String, String> values;

    public QueryParameters(Map<String, String> values, Set<String> known, String what) {
        for (String name : values.keySet()) {
            if (!known.contains(name)) {
                throw new BadRequestException(name, "unknown_parameter", what + " has no parameter " + name + ".");
            }
        }
        Map<String, String> checked = new HashMap<>();
        values.forEach((name, value) -> checked.put(name, Text.checked(name, value)));
        this.values = Map.copyOf(checked);
    }

    public <T> Optional<T> optional(String name, Function<String, T> parser) {
        String value = values.get(name);
        return value == null ? Optional.empty() : Optional.ofNullable(parser.apply(value));
    }

    public static Instant instant(String field, String value) {
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new BadRequestException(field, "instant",
                    field + " is an ISO-8601 instant such as 2026-01-31T00:00:00Z.");
        }
    }

    /** A page size from 1 to {@code max}. */
    public static int limit(String value, int max) {
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit >= 1 && limit <= max) {
                return limit;
            }
        } catch (NumberFormatException ignored) {
            // refused below with the rule
        }
        throw new BadRequestException("limit", "range", "limit is a whole number from 1 to " + max + ".");
    }

    public static <E extends Enum<E>> E oneOf(String field, Class<E> type, String value) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(field, "one_of", field + " must be one of "
                    + Arrays.toString(type.getEnumConstants()) + ".");
        }
    }
}
