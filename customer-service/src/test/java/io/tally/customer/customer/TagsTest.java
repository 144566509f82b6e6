package io.tally.customer.customer;

import io.tally.service.web.DomainException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class TagsTest {

    @Test
    void trimsEachTagAndKeepsTheOrder() {
        assertThat(Tags.normalize(List.of("  vip", "beta  ", "\tAlpha\n"))).containsExactly("vip", "beta", "Alpha");
    }

    @Test
    void returnsAnUnmodifiableCopy() {
        List<String> given = new ArrayList<>(List.of("vip"));
        List<String> normalized = Tags.normalize(given);
        given.add("beta");

        assertThat(normalized).containsExactly("vip").isUnmodifiable();
    }

    @Test
    void anEmptyListIsValid() {
        assertThat(Tags.normalize(List.of())).isEmpty();
    }

    @Test
    void acceptsTwentyTagsOfFortyCharacters() {
        List<String> tags = IntStream.range(0, Tags.MAX_TAGS)
                .mapToObj(i -> String.format("%02d", i).repeat(Tags.MAX_LENGTH / 2))
                .toList();

        assertThat(Tags.normalize(tags)).isEqualTo(tags);
    }

    @Test
    void refusesANullList() {
        assertThat(refusal(null))
                .returns("required", DomainException::code)
                .returns("tags", DomainException::field)
                .returns(DomainException.Kind.INVALID, DomainException::kind);
    }

    @Test
    void refusesTwentyOneTags() {
        List<String> tags = IntStream.rangeClosed(1, Tags.MAX_TAGS + 1).mapToObj(i -> "tag-" + i).toList();

        assertThat(refusal(tags))
                .hasMessage("At most 20 tags, got 21.")
                .returns("too_many_tags", DomainException::code)
                .returns("tags", DomainException::field);
    }

    @Test
    void refusesAnEmptyTag() {
        assertThat(refusal(List.of("")))
                .returns("tag_blank", DomainException::code)
                .returns("tags[0]", DomainException::field);
    }

    @Test
    void refusesAWhitespaceTag() {
        assertThat(refusal(List.of("vip", "beta", " \t ")))
                .hasMessage("A tag must not be blank.")
                .returns("tag_blank", DomainException::code)
                .returns("tags[2]", DomainException::field);
    }

    @Test
    void refusesANullTag() {
        assertThat(refusal(Arrays.asList("vip", null)))
                .returns("tag_blank", DomainException::code)
                .returns("tags[1]", DomainException::field);
    }

    @Test
    void measuresTheLengthAfterTrimming() {
        String forty = "x".repeat(Tags.MAX_LENGTH);

        assertThat(Tags.normalize(List.of("  " + forty + "  "))).containsExactly(forty);
    }

    @Test
    void countsCharactersNotUtf16Units() {
        assertThat(Tags.normalize(List.of("\uD83D\uDE80".repeat(Tags.MAX_LENGTH)))).hasSize(1);
        assertThat(refusal(List.of("\uD83D\uDE80".repeat(Tags.MAX_LENGTH + 1))))
                .returns("tag_too_long", DomainException::code);
    }

    @Test
    void refusesATagOfFortyOneCharacters() {
        assertThat(refusal(List.of("vip", "x".repeat(Tags.MAX_LENGTH + 1))))
                .hasMessage("A tag has at most 40 characters.")
                .returns("tag_too_long", DomainException::code)
                .returns("tags[1]", DomainException::field);
    }

    @Test
    void refusesDuplicatesIgnoringCaseNamingTheSecondOccurrence() {
        assertThat(refusal(List.of("Beta", "vip", "BETA")))
                .returns("duplicate_tag", DomainException::code)
                .returns("tags[2]", DomainException::field);
    }

    @Test
    void refusesDuplicatesThatDifferOnlyInSurroundingWhitespace() {
        assertThat(refusal(List.of("vip", " vip ")))
                .returns("duplicate_tag", DomainException::code)
                .returns("tags[1]", DomainException::field);
    }

    @Test
    void namesTheFirstTagThatBreaksARule() {
        assertThat(refusal(List.of("vip", " ", "x".repeat(Tags.MAX_LENGTH + 1))))
                .returns("tag_blank", DomainException::code)
                .returns("tags[1]", DomainException::field);
    }

    private static InvalidCustomerDataException refusal(List<String> tags) {
        InvalidCustomerDataException refusal =
                catchThrowableOfType(InvalidCustomerDataException.class, () -> Tags.normalize(tags));
        assertThat(refusal).as("normalize(%s) must be refused", tags).isNotNull();
        return refusal;
    }
}
