package io.limber.messaging;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;

import jakarta.inject.Singleton;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The one writer of the suite's CloudEvents (binary mode, JSON data), as {@link CloudEventHeaders}
 * is the one reader: what a consumer relies on in a record's headers is decided here only.
 */
@Singleton
class OutboxRecordMapper {

    private final String source;

    OutboxRecordMapper(OutboxConfig config) {
        this.source = config.source();
    }

    /**
     * @param trace the trace the record carries on: the publish span's, or the row's own when
     *     nothing traces the relay; none for an untraced row
     */
    ProducerRecord<String, byte[]> toRecord(PendingEvent event, TraceContext trace) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, "ce_specversion", "1.0");
        header(headers, "ce_id", event.id());
        header(headers, "ce_source", source);
        header(headers, "ce_type", event.type());
        header(headers, "ce_time", DateTimeFormatter.ISO_INSTANT.format(event.createdAt()));
        if (event.subject() != null) {
            header(headers, "ce_subject", event.subject());
        }
        if (event.dataSchema() != null) {
            header(headers, "ce_dataschema", event.dataSchema());
        }
        if (trace.traceparent() != null) {
            header(headers, "traceparent", trace.traceparent());
            if (trace.tracestate() != null) {
                header(headers, "tracestate", trace.tracestate());
            }
        }
        byte[] value = null;
        if (event.payload() != null) {
            header(headers, "content-type", "application/json");
            value = event.payload().getBytes(StandardCharsets.UTF_8);
        }
        // A null value is a tombstone: the compacted topics forget the key.
        return new ProducerRecord<>(event.topic(), null, event.key(), value, headers);
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
