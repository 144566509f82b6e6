package io.tally.ledger.billing;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Parameters;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The query parameters that choose the billing entries a read or an export covers, documented once so that the
 * pages and the CSV exports cannot drift apart. The controller reads them from its parameter map, so springdoc
 * learns of them only from here.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Parameters({
        @Parameter(name = "from", in = ParameterIn.QUERY, description = "From this instant, inclusive.",
                schema = @Schema(type = "string", format = "date-time")),
        @Parameter(name = "to", in = ParameterIn.QUERY, description = "Up to this instant, exclusive.",
                schema = @Schema(type = "string", format = "date-time")),
        @Parameter(name = "type", in = ParameterIn.QUERY,
                description = "REFILL, DEDUCTION or CREDITS; comma-separated for several.",
                schema = @Schema(type = "string", pattern = BillingDetailsFilters.TYPES, example = "REFILL,DEDUCTION"))
})
@interface BillingDetailsFilters {

    String TYPES = "^(REFILL|DEDUCTION|CREDITS)(,(REFILL|DEDUCTION|CREDITS))*$";
}
