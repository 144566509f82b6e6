package io.tally.testsupport;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP/1.1 answer as {@link RawHttp} received it, taken apart: the status, the headers (names in lower case, the
 * last of a repeated header kept), the body and the whole text (for a failure's message).
 */
public record RawAnswer(int status, Map<String, String> headers, String body, String text) {

    public static RawAnswer of(String text) {
        int headEnd = text.indexOf("\r\n\r\n");
        if (headEnd < 0) {
            throw new IllegalArgumentException("Not an HTTP answer: " + text);
        }
        String[] lines = text.substring(0, headEnd).split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).trim());
        }
        return new RawAnswer(Integer.parseInt(lines[0].split(" ")[1]), headers, text.substring(headEnd + 4), text);
    }
}
