-- Mobile clients retry tolerance reports as they retry sessions: the same key returns the first report.
ALTER TABLE tolerance_report ADD COLUMN idempotency_key text;
ALTER TABLE tolerance_report ADD COLUMN request_hash text;
CREATE UNIQUE INDEX tolerance_report_idempotency ON tolerance_report (member_id, idempotency_key)
    WHERE idempotency_key IS NOT NULL;
