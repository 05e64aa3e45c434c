-- This service's own copy of the published catalog, built from limber.catalog.exercises.v1, so
-- recording and progression keep working while content-service is down.
CREATE TABLE catalog_exercise (
    id            uuid        PRIMARY KEY,
    slug          text        NOT NULL,
    name          text        NOT NULL,
    revision      int         NOT NULL,
    retired       boolean     NOT NULL DEFAULT false,
    default_sets  int         NOT NULL,
    default_reps  int,
    default_hold  int,
    min_sets      int         NOT NULL,
    min_reps      int,
    min_hold      int,
    max_sets      int         NOT NULL,
    max_reps      int,
    max_hold      int,
    updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE exercise_session (
    id                uuid        PRIMARY KEY,
    member_id         text        NOT NULL,
    employer_id       text        NOT NULL,
    exercise_id       uuid        NOT NULL,
    exercise_revision int         NOT NULL,
    started_at        timestamptz NOT NULL,
    ended_at          timestamptz NOT NULL,
    sets              jsonb       NOT NULL,
    total_reps        int         NOT NULL,
    note              text,
    recorded_at       timestamptz NOT NULL,
    -- A retry with the same key returns this session instead of creating another one.
    idempotency_key   text,
    request_hash      text,
    CONSTRAINT session_ends_after_start CHECK (ended_at > started_at)
);

CREATE UNIQUE INDEX exercise_session_idempotency ON exercise_session (member_id, idempotency_key)
    WHERE idempotency_key IS NOT NULL;
CREATE INDEX exercise_session_member_time ON exercise_session (member_id, started_at);
CREATE INDEX exercise_session_employer_time ON exercise_session (employer_id, started_at);

CREATE TABLE tolerance_report (
    id                 uuid        PRIMARY KEY,
    member_id          text        NOT NULL,
    employer_id        text        NOT NULL,
    exercise_id        uuid        NOT NULL,
    session_id         uuid        REFERENCES exercise_session (id) ON DELETE SET NULL,
    pain_before        int         NOT NULL CHECK (pain_before BETWEEN 0 AND 10),
    pain_during        int         NOT NULL CHECK (pain_during BETWEEN 0 AND 10),
    pain_after         int         NOT NULL CHECK (pain_after BETWEEN 0 AND 10),
    effort             int         CHECK (effort BETWEEN 0 AND 10),
    sharp_or_new_pain  boolean     NOT NULL DEFAULT false,
    note               text,
    morning_pain       int         CHECK (morning_pain BETWEEN 0 AND 10),
    morning_stiffness  int         CHECK (morning_stiffness BETWEEN 0 AND 10),
    morning_note       text,
    checked_in_at      timestamptz,
    reported_at        timestamptz NOT NULL,
    -- The zone of the latest recommendation this report led to, for employer aggregates.
    zone               text
);

CREATE INDEX tolerance_report_member_exercise ON tolerance_report (member_id, exercise_id, reported_at);
CREATE INDEX tolerance_report_employer_time ON tolerance_report (employer_id, reported_at);

-- Every recommendation is kept with the reports it was derived from and its reason, so a
-- clinician can audit how a dose came about.
CREATE TABLE recommendation (
    id               uuid        PRIMARY KEY,
    member_id        text        NOT NULL,
    exercise_id      uuid        NOT NULL,
    trigger_report   uuid        NOT NULL,
    based_on_reports jsonb       NOT NULL,
    zone             text        NOT NULL,
    sets             int,
    reps             int,
    hold_seconds     int,
    previous_sets    int         NOT NULL,
    previous_reps    int,
    previous_hold    int,
    reason           text        NOT NULL,
    created_at       timestamptz NOT NULL
);

CREATE INDEX recommendation_member_exercise ON recommendation (member_id, exercise_id, created_at);
