-- Safety state (issue 14). A stopped exercise stays stopped for the member until a clinician
-- clears it; an urgent flag (a red-flag answer) pauses every exercise of the member until a
-- clinician resolves it. Every flag and every clinician action is kept for audit.

-- The red-flag questions answered yes on a report (RedFlag wire names), empty when none.
ALTER TABLE tolerance_report ADD COLUMN red_flags jsonb NOT NULL DEFAULT '[]';

-- One row per member and exercise that was ever stopped: stopped, or cleared by a clinician.
-- No row means active.
CREATE TABLE exercise_safety (
    member_id    text        NOT NULL,
    exercise_id  uuid        NOT NULL,
    state        text        NOT NULL CHECK (state IN ('stopped', 'cleared')),
    report_id    uuid,                    -- the report that stopped it
    changed_at   timestamptz NOT NULL,
    changed_by   text,                    -- the clinician who cleared it
    PRIMARY KEY (member_id, exercise_id)
);

-- Stops recorded before this table existed and not cleared since: still stopped.
INSERT INTO exercise_safety (member_id, exercise_id, state, report_id, changed_at)
SELECT DISTINCT ON (r.member_id, r.exercise_id) r.member_id, r.exercise_id, 'stopped', r.trigger_report, r.created_at
FROM recommendation r
WHERE r.zone = 'stop'
  AND NOT EXISTS (
      SELECT 1 FROM recommendation c
      WHERE c.member_id = r.member_id AND c.exercise_id = r.exercise_id
        AND c.cleared_by IS NOT NULL AND c.created_at > r.created_at)
ORDER BY r.member_id, r.exercise_id, r.created_at DESC;

-- The clinicians' work queue: a stop or an urgent answer, until resolved.
CREATE TABLE safety_flag (
    id               uuid        PRIMARY KEY,
    member_id        text        NOT NULL,
    employer_id      text        NOT NULL,   -- the clinicians of this employer see it
    exercise_id      uuid        NOT NULL,
    report_id        uuid        NOT NULL,
    zone             text        NOT NULL CHECK (zone IN ('stop', 'urgent')),
    reason           text        NOT NULL,
    red_flags        jsonb       NOT NULL DEFAULT '[]',
    status           text        NOT NULL CHECK (status IN ('open', 'acknowledged', 'resolved')),
    raised_at        timestamptz NOT NULL,
    acknowledged_at  timestamptz,
    acknowledged_by  text,
    resolved_at      timestamptz,
    resolved_by      text
);

CREATE INDEX safety_flag_queue ON safety_flag (employer_id, status, raised_at DESC);
CREATE INDEX safety_flag_member ON safety_flag (member_id, zone, status);

-- Who did what to a flag, and their note: raised (by the service), acknowledged, resolved, cleared.
CREATE TABLE safety_flag_action (
    id        uuid        PRIMARY KEY,
    flag_id   uuid        NOT NULL REFERENCES safety_flag (id) ON DELETE CASCADE,
    actor     text        NOT NULL,
    action    text        NOT NULL CHECK (action IN ('raised', 'acknowledged', 'resolved', 'cleared')),
    note      text,
    at        timestamptz NOT NULL
);

CREATE INDEX safety_flag_action_flag ON safety_flag_action (flag_id, at);
