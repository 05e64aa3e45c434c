package io.limber.messaging;

import io.limber.events.EventType;

/**
 * An event to publish as a CloudEvent (binary mode, JSON data).
 *
 * @param topic the Kafka topic
 * @param key the Kafka key (member or exercise id), which keeps one key's events in order
 * @param type the CloudEvents {@code type}, e.g. {@code limber.session.completed}
 * @param subject the CloudEvents {@code subject}: the member or exercise the event is about
 * @param dataSchema the CloudEvents {@code dataschema} URI, or null for a tombstone
 * @param data the payload, serialised to JSON; null publishes a tombstone (compacted topics)
 */
public record OutgoingEvent(String topic, String key, String type, String subject, String dataSchema, Object data) {

    /**
     * An event of the contract about {@code key}, which is also its subject; a null payload is a
     * tombstone (compacted topics).
     */
    public static <T> OutgoingEvent of(EventType<T> type, String key, T payload) {
        return new OutgoingEvent(type.topic().name(), key, type.type(), key, type.dataSchema(), payload);
    }
}
