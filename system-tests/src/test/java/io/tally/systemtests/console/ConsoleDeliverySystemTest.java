package io.tally.systemtests.console;

import io.tally.systemtests.support.Api;
import io.tally.systemtests.support.SystemTest;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The console as the gateway's jar really ships it: its page at every console address, its assets compressed and cached. */
class ConsoleDeliverySystemTest extends SystemTest {

    private static final Pattern SCRIPT = Pattern.compile("<script type=\"module\" crossorigin src=\"(/assets/[^\"]+\\.js)\"");

    @Test
    void everyConsoleAddressAnswersThePageAndItsScriptComesCompressedAndCachedForGood() {
        Api.Response root = api.get("/", null);
        assertThat(root.status()).isEqualTo(200);
        assertThat(root.header("Content-Type")).startsWith("text/html");
        assertThat(root.header("Cache-Control")).isEqualTo("no-cache");
        assertThat(root.header("Content-Security-Policy")).contains("script-src 'self'").doesNotContain("unsafe-eval");
        Matcher script = SCRIPT.matcher(root.body());
        assertThat(script.find()).as("the page names its script: %s", root.body()).isTrue();

        for (String address : new String[] {"/customers?tag=vip", "/customers/0d9b6b54-0000-4000-8000-000000000000",
                "/register?invitation=abc", "/verify-email?token=abc", "/p/0d9b6b54-0000-4000-8000-000000000000/sign-in"}) {
            Api.Response page = api.get(address, null);
            assertThat(page.status()).as(address).isEqualTo(200);
            assertThat(page.body()).as(address).isEqualTo(root.body());
        }

        Api.Response compressed = api.send("GET", script.group(1), null, null, Map.of("Accept-Encoding", "gzip"));
        assertThat(compressed.status()).isEqualTo(200);
        assertThat(compressed.header("Content-Encoding")).isEqualTo("gzip");
        assertThat(compressed.header("Cache-Control")).isEqualTo("public, max-age=31536000, immutable");
        Api.Response plain = api.get(script.group(1), null);
        assertThat(plain.status()).isEqualTo(200);
        assertThat(plain.header("Content-Encoding")).isNull();
        assertThat(plain.header("Content-Type")).startsWith("text/javascript");
        assertThat(plain.header("Cache-Control")).isEqualTo("public, max-age=31536000, immutable");

        Api.Response unknownApi = api.get("/api/v1/no-such-thing", null);
        assertThat(unknownApi.status()).isEqualTo(404);
        assertThat(unknownApi.header("Content-Type")).startsWith("application/problem+json");
    }
}
