-- A session may name the program the member followed the exercise in. Recording checks the
-- exercise belongs to that published program, from the programs the catalog topic lists for it.
ALTER TABLE catalog_exercise ADD COLUMN program_ids uuid[] NOT NULL DEFAULT '{}';
ALTER TABLE exercise_session ADD COLUMN program_id uuid;
