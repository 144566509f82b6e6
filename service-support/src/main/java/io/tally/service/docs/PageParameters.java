package io.tally.service.docs;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Parameters;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The cursor and the size of a page of a cursor-paged list (the customer list, billing details), as a meta-annotation
 * of an operation's own parameter annotation. Both lists take 1 to 200 rows, 50 unless told.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.ANNOTATION_TYPE)
@Parameters({
        @Parameter(name = "cursor", in = ParameterIn.QUERY, description = "The previous page's nextCursor.",
                schema = @Schema(type = "string")),
        @Parameter(name = "limit", in = ParameterIn.QUERY,
                schema = @Schema(type = "integer", minimum = "1", maximum = "200", defaultValue = "50"))
})
public @interface PageParameters {
}
