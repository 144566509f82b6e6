package io.tally.customer.list;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Parameters;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The customer list's filters and sort, documented once so that the list and its CSV export cannot drift apart.
 * The controller reads them from its parameter map, so springdoc learns of them only from here.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Parameters({
        @Parameter(name = "q", in = ParameterIn.QUERY,
                description = "Case-insensitive substring of the account, team name, company name or id.",
                schema = @Schema(type = "string", minLength = 3, maxLength = 100)),
        @Parameter(name = "state", in = ParameterIn.QUERY,
                schema = @Schema(type = "string", allowableValues = {"ON", "OFF"})),
        @Parameter(name = "teamType", in = ParameterIn.QUERY,
                schema = @Schema(type = "string", allowableValues = {"DEFAULT", "INDIVIDUAL", "ENTERPRISE"})),
        @Parameter(name = "tag", in = ParameterIn.QUERY, description = "One tag, ignoring case.",
                schema = @Schema(type = "string", minLength = 1, maxLength = 40)),
        @Parameter(name = "minBalance", in = ParameterIn.QUERY, description = "Lowest balance, inclusive.",
                schema = @Schema(type = "string", pattern = ListFilters.AMOUNT, example = "10.00")),
        @Parameter(name = "maxBalance", in = ParameterIn.QUERY, description = "Highest balance, inclusive.",
                schema = @Schema(type = "string", pattern = ListFilters.AMOUNT, example = "100.00")),
        @Parameter(name = "registeredFrom", in = ParameterIn.QUERY,
                description = "Registered at or after this instant.",
                schema = @Schema(type = "string", format = "date-time")),
        @Parameter(name = "registeredTo", in = ParameterIn.QUERY, description = "Registered at or before this instant.",
                schema = @Schema(type = "string", format = "date-time")),
        @Parameter(name = "sort", in = ParameterIn.QUERY,
                description = "A column and a direction; default registrationTime,desc.",
                schema = @Schema(type = "string", pattern = ListFilters.SORT, example = "balance,desc"))
})
@interface ListFilters {

    String AMOUNT = "^-?[0-9]{1,13}(\\.[0-9]{1,4})?$";
    String SORT = "^(account|teamName|teamType|id|balance|credits|companyName|state|tags"
            + "|registrationTime|registeredAt)(,(asc|desc))?$";
}
