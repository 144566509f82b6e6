package io.tally.tokens;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A bearer token read from its header, held against the expression of Spring Security's resolvers. */
class BearerHeaderTest {

    /** Spring Security 6.5's DefaultBearerTokenResolver and ServerBearerTokenAuthenticationConverter. */
    private static final Pattern SPRING = Pattern.compile("^Bearer (?<token>[a-zA-Z0-9-._~+/]+=*)$",
            Pattern.CASE_INSENSITIVE);

    @Test
    void readsTheToken() {
        assertThat(BearerHeader.token("Bearer abc.DEF-123_~+/==")).contains("abc.DEF-123_~+/==");
        assertThat(BearerHeader.token("bEaReR x")).contains("x");
    }

    @Test
    void noBearerHeaderIsNoToken() {
        assertThat(BearerHeader.token(null)).isEmpty();
        assertThat(BearerHeader.token("")).isEmpty();
        assertThat(BearerHeader.token("Basic dXNlcjpwYXNz")).isEmpty();
        assertThat(BearerHeader.token("bear")).isEmpty();
    }

    @Test
    void aMalformedBearerHeaderIsRefused() {
        for (String malformed : List.of("Bearer", "Bearer ", "Bearer  abc", "Bearerabc", "Bearer abc ", "Bearer a=b",
                "Bearer =", "Bearer abc\n", "Bearer a,b", "Bearer\tabc", "Bearer ab%63", "Bearers abc")) {
            assertThatThrownBy(() -> BearerHeader.token(malformed)).as(malformed)
                    .isInstanceOf(BearerHeader.MalformedException.class)
                    .hasMessage("Bearer token is malformed");
        }
    }

    @Test
    void agreesWithSpringsExpressionOnEveryKindOfHeader() {
        Random random = new Random(20261206);
        String alphabet = "aZ09-._~+/= \t,;%\"Bbearer\u0131\u017F\u212A\u00E9";
        List<String> starts = List.of("Bearer ", "bearer ", "BEARER ", "Bearer", "Bearer  ", "bearerX", "Basic ", "");
        for (int round = 0; round < 100_000; round++) {
            StringBuilder header = new StringBuilder(starts.get(random.nextInt(starts.size())));
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) {
                header.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String sample = header.toString();
            assertThat(outcome(sample)).as(sample).isEqualTo(springOutcome(sample));
        }
    }

    private static String outcome(String header) {
        try {
            return BearerHeader.token(header).map(token -> "token " + token).orElse("none");
        } catch (BearerHeader.MalformedException malformed) {
            return "malformed";
        }
    }

    /** The resolvers: no header or one not starting with "bearer" is none; else the expression decides. */
    private static String springOutcome(String header) {
        if (header == null || !header.regionMatches(true, 0, "bearer", 0, 6)) {
            return "none";
        }
        Matcher matcher = SPRING.matcher(header);
        return matcher.matches() ? "token " + matcher.group("token") : "malformed";
    }
}
