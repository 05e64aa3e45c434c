-- The transactional outbox, owned by limber-messaging and migrated by its OutboxSchema under its
-- own history table (outbox_schema_history), whatever service it runs in.
--
-- Events are written here in the same transaction as the change they describe, then relayed to
-- Kafka, so a crash between the two can neither lose an event nor publish one for a rolled-back
-- change.
--
-- IF NOT EXISTS: databases created before messaging owned the table already have it, from a
-- service's own V1__outbox.sql and outbox_trace_context migrations, which OutboxSchema hands over.
CREATE TABLE IF NOT EXISTS outbox_event (
    seq          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id           uuid        NOT NULL UNIQUE,  -- the CloudEvents id consumers deduplicate on
    topic        text        NOT NULL,
    message_key  text        NOT NULL,         -- the Kafka key: member or exercise id
    event_type   text        NOT NULL,
    subject      text,                         -- the CloudEvents subject
    data_schema  text,                         -- the CloudEvents dataschema
    payload      jsonb,                        -- null for a tombstone
    created_at   timestamptz NOT NULL DEFAULT now(),
    published_at timestamptz,
    -- The W3C trace context of the transaction that appended the event, sent on as the record's
    -- traceparent/tracestate headers so one trace follows a request through Kafka. Null when the
    -- appender was not traced.
    traceparent  text,
    tracestate   text
);

-- A database handed over before it had the trace context columns gets them here.
ALTER TABLE outbox_event ADD COLUMN IF NOT EXISTS traceparent text, ADD COLUMN IF NOT EXISTS tracestate text;

CREATE INDEX IF NOT EXISTS outbox_event_pending ON outbox_event (seq) WHERE published_at IS NULL;
