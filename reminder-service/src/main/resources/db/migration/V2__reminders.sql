-- Incoming events already applied, per consumer (see io.limber.messaging.ProcessedEvents).
CREATE TABLE processed_event (
    consumer     text        NOT NULL,
    event_id     text        NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);

-- A member's reminder preferences as one document: read and written whole, never queried inside.
CREATE TABLE reminder_preferences (
    member_id  text        PRIMARY KEY,
    settings   jsonb       NOT NULL,
    updated_at timestamptz NOT NULL
);

-- One row per member known to the scheduler; dispatchers claim due rows with FOR UPDATE SKIP LOCKED.
CREATE TABLE prompt_schedule (
    member_id          text        PRIMARY KEY,
    next_due_at        timestamptz,          -- null while paused or with no working time ahead
    snoozed_prompt_id  uuid,                 -- set while a snoozed prompt waits to be sent again
    last_break_at      timestamptz,          -- the latest movement break (session or prompt done)
    last_exercise_id   uuid,                 -- the last suggestion, so the next one differs
    gentle             boolean     NOT NULL DEFAULT false, -- latest tolerance zone was scale-back or stop
    updated_at         timestamptz NOT NULL
);

CREATE INDEX prompt_schedule_due ON prompt_schedule (next_due_at) WHERE next_due_at IS NOT NULL;

-- Prompts sent, with what the member did about them.
CREATE TABLE prompt (
    id             uuid        PRIMARY KEY,
    member_id      text        NOT NULL,
    due_at         timestamptz NOT NULL,
    sent_at        timestamptz NOT NULL,
    local_date     date        NOT NULL,     -- the member's calendar day, for the daily cap
    exercise_id    uuid,
    exercise_slug  text,
    exercise_name  text,
    sets           integer,
    reps           integer,
    hold_seconds   integer,
    status         text        NOT NULL CHECK (status IN ('sent', 'snoozed', 'done', 'dismissed')),
    snooze_count   integer     NOT NULL DEFAULT 0,
    acted_at       timestamptz
);

CREATE INDEX prompt_member_sent ON prompt (member_id, sent_at DESC);
CREATE INDEX prompt_member_day ON prompt (member_id, local_date);

-- The member's latest recommended dosage per exercise, from tolerance reports.
CREATE TABLE member_dosage (
    member_id    text        NOT NULL,
    exercise_id  uuid        NOT NULL,
    sets         integer     NOT NULL,
    reps         integer,
    hold_seconds integer,
    reported_at  timestamptz NOT NULL,
    PRIMARY KEY (member_id, exercise_id)
);

-- Read model of the published catalog (limber.catalog.exercises.v1): only what suggestions need.
CREATE TABLE catalog_exercise (
    id            uuid        PRIMARY KEY,
    slug          text        NOT NULL,
    name          text        NOT NULL,
    revision      integer     NOT NULL,
    kind          text        NOT NULL,
    position      text,
    equipment     text        NOT NULL,      -- comma-separated tags, empty when none is needed
    desk_break    boolean     NOT NULL,      -- in at least one program tagged desk-break
    sets          integer     NOT NULL,
    reps          integer,
    hold_seconds  integer,
    updated_at    timestamptz NOT NULL
);

-- Webhook deliveries (Standard Webhooks), retried with backoff until delivered or given up on.
CREATE TABLE webhook_delivery (
    id              uuid        PRIMARY KEY, -- the webhook-id header: the same on every retry
    prompt_id       uuid        NOT NULL,
    member_id       text        NOT NULL,
    url             text        NOT NULL,
    payload         text        NOT NULL,
    status          text        NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,    -- also a lease: a claimed row is pushed out while it is sent
    last_error      text,
    created_at      timestamptz NOT NULL,
    finished_at     timestamptz
);

CREATE INDEX webhook_delivery_pending ON webhook_delivery (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_delivery_member ON webhook_delivery (member_id);
