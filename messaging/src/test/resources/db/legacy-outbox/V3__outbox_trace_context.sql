-- The W3C trace context of the transaction that appended the event, sent on as the record's
-- traceparent/tracestate headers so one trace follows a request through Kafka. Null when the
-- appender was not traced.
ALTER TABLE outbox_event ADD COLUMN traceparent text, ADD COLUMN tracestate text;
