package io.tally.service.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemRulesTest {

    @ParameterizedTest
    @CsvSource({
            "NotBlank, not_blank",
            "NotNull, not_null",
            "NotEmpty, not_empty",
            "Size, size",
            "Pattern, pattern",
            "Email, email",
            "DecimalMin, decimal_min",
            "AssertTrue, assert_true",
            "typeMismatch, type_mismatch"})
    void namesTheRuleInSnakeCase(String constraintCode, String rule) {
        assertThat(ProblemHandler.rule(constraintCode)).isEqualTo(rule);
    }

    @Test
    void aMissingCodeIsInvalid() {
        assertThat(ProblemHandler.rule(null)).isEqualTo("invalid");
    }
}
