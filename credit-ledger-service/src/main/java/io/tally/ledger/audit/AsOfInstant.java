package io.tally.ledger.audit;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The instant an as-of read replays the event store up to, documented once for the customer's figures and the
 * pool's alike. The controller reads it from its parameter map, so springdoc learns of it only from here.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Parameter(name = "at", in = ParameterIn.QUERY, required = true, description = "The instant; not in the future.",
        schema = @Schema(type = "string", format = "date-time", example = "2026-01-31T00:00:00Z"))
@interface AsOfInstant {
}
