-- One tolerance report per session: a second report of the same session could step the dose up
-- again minutes after the first (docs/progression.md). Reports made before this rule that share a
-- session all stay, with their data; all but the first of each session are marked, and only
-- unmarked reports take part in the uniqueness.
ALTER TABLE tolerance_report ADD COLUMN repeat_of_session boolean NOT NULL DEFAULT false;

UPDATE tolerance_report r
SET repeat_of_session = true
WHERE r.session_id IS NOT NULL
  AND EXISTS (
      SELECT 1 FROM tolerance_report first
      WHERE first.session_id = r.session_id
        AND (first.reported_at, first.id) < (r.reported_at, r.id));

CREATE UNIQUE INDEX tolerance_report_one_per_session ON tolerance_report (session_id)
    WHERE session_id IS NOT NULL AND NOT repeat_of_session;
