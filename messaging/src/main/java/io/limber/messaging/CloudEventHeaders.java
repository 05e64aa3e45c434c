package io.limber.messaging;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** The CloudEvents binary-mode attributes a consumer needs from a record's headers: the one reader of them. */
public record CloudEventHeaders(String id, String type) {

    public static CloudEventHeaders of(ConsumerRecord<?, ?> record) {
        return new CloudEventHeaders(header(record, "ce_id"), header(record, "ce_type"));
    }

    /** @throws IllegalArgumentException when the header is missing: the event cannot be deduplicated */
    public String requireId() {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("The record has no ce_id header");
        }
        return id;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
