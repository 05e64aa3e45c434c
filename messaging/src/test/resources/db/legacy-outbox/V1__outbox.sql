-- Events are written here in the same transaction as the change they describe, then relayed to
-- Kafka, so a crash between the two can neither lose an event nor publish one for a rolled-back
-- change.
CREATE TABLE outbox_event (
    seq          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id           uuid        NOT NULL UNIQUE,  -- the CloudEvents id consumers deduplicate on
    topic        text        NOT NULL,
    message_key  text        NOT NULL,         -- the Kafka key: member or exercise id
    event_type   text        NOT NULL,
    subject      text,                         -- the CloudEvents subject
    data_schema  text,                         -- the CloudEvents dataschema
    payload      jsonb,                        -- null for a tombstone
    created_at   timestamptz NOT NULL DEFAULT now(),
    published_at timestamptz
);

CREATE INDEX outbox_event_pending ON outbox_event (seq) WHERE published_at IS NULL;
