-- The safety state of each member's exercises, from limber.sessions.v1 (MemberEventService).
-- A stopped exercise is never suggested until limber.exercise.cleared; an exercise stopped or
-- last reported in scale-back keeps the member's prompts gentle. Each part keeps the time of the
-- event that set it, so a stale event arriving late never undoes a newer state.
CREATE TABLE member_exercise_safety (
    member_id       text        NOT NULL,
    exercise_id     uuid        NOT NULL,
    stopped         boolean     NOT NULL DEFAULT false,
    stop_changed_at timestamptz,          -- the latest stop or clearance applied (its event time)
    zone            text,                 -- the latest tolerance zone reported; null once cleared
    zone_at         timestamptz,          -- when that report (or the clearance) was made
    updated_at      timestamptz NOT NULL,
    PRIMARY KEY (member_id, exercise_id)
);

-- A member paused by an urgent flag gets no prompt at all until a clinician resolves it. On the
-- schedule row, so the dispatcher's claim query leaves paused members out set-wise.
ALTER TABLE prompt_schedule
    ADD COLUMN safety_paused            boolean NOT NULL DEFAULT false,
    ADD COLUMN safety_pause_changed_at  timestamptz; -- the latest pause or resume applied (its event time)

-- The claim query reads due rows of members not paused; the index holds only those.
DROP INDEX prompt_schedule_due;
CREATE INDEX prompt_schedule_due ON prompt_schedule (next_due_at)
    WHERE next_due_at IS NOT NULL AND NOT safety_paused;

-- Gentle mode now follows each exercise's safety state (member_exercise_safety), not the last
-- report of any exercise. The column stays for writers that still name it (benchmarks).
COMMENT ON COLUMN prompt_schedule.gentle IS 'Unused since V5: see member_exercise_safety';
