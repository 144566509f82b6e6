package io.tally.service.kafka;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The value serializer of every record a Tally service publishes: the CloudEvents SDK's, in binary
 * mode, with the headers made what the contract (docs/events.md) says. The Kafka extension adds
 * Axon-internal extensions ({@code ce_axonmessageaggregateid}, {@code ...seq}, {@code ...type},
 * {@code ce_axonmessagerevision}) that are no consumer's business: they are removed. The SDK writes
 * {@code ce_time} with as few fractional digits as the instant needs (0 to 9), so that two times'
 * strings may sort unlike the times: it is written again with exactly six, in UTC ({@link #TIME}).
 */
public class PublishedRecordSerializer extends CloudEventSerializer {

    /** RFC 3339 in UTC with microseconds, always six fractional digits: {@code 2025-03-14T09:26:53.589000Z}. */
    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'");

    static final String TIME_HEADER = "ce_time";
    static final String INTERNAL_HEADER_PREFIX = "ce_axonmessage";

    @Override
    public byte[] serialize(String topic, Headers headers, CloudEvent data) {
        byte[] value = super.serialize(topic, headers, data);
        List<String> internal = new ArrayList<>();
        for (Header header : headers) {
            if (header.key().startsWith(INTERNAL_HEADER_PREFIX)) {
                internal.add(header.key());
            }
        }
        internal.forEach(headers::remove);
        if (data.getTime() != null) {
            headers.remove(TIME_HEADER);
            headers.add(TIME_HEADER, time(data.getTime()).getBytes(StandardCharsets.UTF_8));
        }
        return value;
    }

    /** The time as {@code ce_time} carries it: in UTC, truncated to the microsecond. */
    public static String time(OffsetDateTime time) {
        return TIME.format(time.withOffsetSameInstant(ZoneOffset.UTC));
    }
}
