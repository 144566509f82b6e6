package io.tally.service.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class NoNullsInBodiesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "null|''",
            "{\"teamName\":null}|teamName",
            "{\"tags\":[\"a\",null]}|tags[1]",
            "{\"billingInfo\":{\"address\":{\"line1\":\"1 Main St\",\"city\":null}}}|billingInfo.address.city",
            "{\"a\":[{\"b\":[1,{\"c\":null}]}]}|a[0].b[1].c",
            "{\"first\":\"x\",\"second\":null,\"third\":null}|second"})
    void namesTheFirstNullAsAFieldErrorDoes(String body, String field) {
        assertThat(NoNullsInBodies.firstNull(body.getBytes(StandardCharsets.UTF_8))).contains(field);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"teamName\":\"null\"}", "[1,2]", "{\"n\":0,\"b\":false,\"s\":\"\"}",
            "{\"email\":", "not json at all, null", ""})
    void findsNoneWhereThereIsNoneOrTheReaderShouldJudge(String body) {
        assertThat(NoNullsInBodies.firstNull(body.getBytes(StandardCharsets.UTF_8))).isEmpty();
    }
}
