-- Prompts rotate between desk-break exercises and movement breaks (issue 17). last_exercise_id
-- is now the last desk-break exercise suggested; these keep the last movement break and which of
-- the two came last, so each kind rotates on from its own last one.
ALTER TABLE prompt_schedule
    ADD COLUMN last_movement_break_id uuid,
    ADD COLUMN last_was_movement_break boolean NOT NULL DEFAULT false;
