-- One store for every Idempotency-Key (issue 15): a write claims its key here, in its own
-- transaction, before it writes; a retry with the key finds the claim and answers the first
-- write's resource. operation is the OpenAPI operationId of the write (recordSession,
-- reportTolerance); request_hash is a SHA-256 of the parsed request body.
CREATE TABLE idempotency_record (
    member_id        text        NOT NULL,
    operation        text        NOT NULL,
    idempotency_key  text        NOT NULL,
    request_hash     text        NOT NULL,
    resource_id      uuid        NOT NULL,
    created_at       timestamptz NOT NULL,
    PRIMARY KEY (member_id, operation, idempotency_key)
);

-- The keys of writes made before this table, so their retries still replay.
INSERT INTO idempotency_record (member_id, operation, idempotency_key, request_hash, resource_id, created_at)
SELECT member_id, 'recordSession', idempotency_key, request_hash, id, recorded_at
FROM exercise_session
WHERE idempotency_key IS NOT NULL;

INSERT INTO idempotency_record (member_id, operation, idempotency_key, request_hash, resource_id, created_at)
SELECT member_id, 'reportTolerance', idempotency_key, request_hash, id, reported_at
FROM tolerance_report
WHERE idempotency_key IS NOT NULL;

-- The columns and unique indexes (exercise_session_idempotency, tolerance_report_idempotency) they replace.
ALTER TABLE exercise_session DROP COLUMN idempotency_key, DROP COLUMN request_hash;
ALTER TABLE tolerance_report DROP COLUMN idempotency_key, DROP COLUMN request_hash;
