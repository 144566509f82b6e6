package io.tally.customer.customer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The tag rules: at most 20, each 1-40 characters after trimming, unique ignoring case. The bounds are the one
 * place the request validation and the customer list's tag filter take them from.
 */
public final class Tags {

    public static final int MAX_TAGS = 20;
    public static final int MAX_LENGTH = 40;

    private Tags() {
    }

    /** The tags trimmed, in the given order; a rejection naming the first tag that breaks a rule. */
    public static List<String> normalize(List<String> tags) {
        if (tags == null) {
            throw new InvalidCustomerDataException("required", "tags", "tags is required (an empty list clears them).");
        }
        if (tags.size() > MAX_TAGS) {
            throw new InvalidCustomerDataException("too_many_tags", "tags",
                    "At most " + MAX_TAGS + " tags, got " + tags.size() + ".");
        }
        List<String> normalized = new ArrayList<>(tags.size());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < tags.size(); i++) {
            String field = "tags[" + i + "]";
            String tag = tags.get(i) == null ? "" : tags.get(i).strip();
            if (tag.isEmpty()) {
                throw new InvalidCustomerDataException("tag_blank", field, "A tag must not be blank.");
            }
            if (tag.codePointCount(0, tag.length()) > MAX_LENGTH) {
                throw new InvalidCustomerDataException("tag_too_long", field,
                        "A tag has at most " + MAX_LENGTH + " characters.");
            }
            PlainText.require(field, tag);
            if (!seen.add(tag.toLowerCase(Locale.ROOT))) {
                throw new InvalidCustomerDataException("duplicate_tag", field,
                        "The tag '" + tag + "' is given twice (tags are compared ignoring case).");
            }
            normalized.add(tag);
        }
        return List.copyOf(normalized);
    }
}
