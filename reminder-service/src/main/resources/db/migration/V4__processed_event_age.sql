-- Processed-event entries are forgotten once no redelivery can come (ProcessedEventsPruning).
-- BRIN: rows arrive in processed_at order, so a tiny index finds the old ones without a full
-- scan and costs the consumer's inserts next to nothing.
CREATE INDEX processed_event_age ON processed_event USING brin (processed_at);
