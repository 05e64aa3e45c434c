package io.limber.events;

/**
 * One event of the public contract: the topic it goes to, its CloudEvents {@code type}, the
 * version of its schema and the payload record, together, so a producer names only the event
 * ({@code outbox.append(Events.SESSION_COMPLETED, memberId, payload)}) and cannot pair a type
 * with the wrong topic, schema or payload.
 */
public record EventType<T>(Topic topic, String type, int version, Class<T> payload) {

    /** The {@code dataschema} URI, naming the schema file kept in this module. */
    public String dataSchema() {
        return EventTypes.dataSchema(type, version);
    }
}
