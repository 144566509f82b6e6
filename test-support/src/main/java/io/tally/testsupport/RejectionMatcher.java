package io.tally.testsupport;

import io.tally.service.web.DomainException;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

import java.util.Objects;

/** Matches a refusal by the rule it names and the field it blames. */
public final class RejectionMatcher extends TypeSafeMatcher<DomainException> {

    private final String code;
    private final String field;

    private RejectionMatcher(String code, String field) {
        this.code = code;
        this.field = field;
    }

    public static Matcher<DomainException> breaking(String code, String field) {
        return new RejectionMatcher(code, field);
    }

    @Override
    protected boolean matchesSafely(DomainException rejection) {
        return code.equals(rejection.code()) && Objects.equals(field, rejection.field());
    }

    @Override
    public void describeTo(Description description) {
        description.appendText("a rejection with code ").appendValue(code).appendText(" on field ").appendValue(field);
    }

    @Override
    protected void describeMismatchSafely(DomainException rejection, Description mismatch) {
        mismatch.appendText("was code ").appendValue(rejection.code())
                .appendText(" on field ").appendValue(rejection.field());
    }
}
