-- Every recommendation names the rules version and the thresholds it was made with, so a
-- clinician can replay it (docs/progression.md). Recommendations made before this column are
-- marked with the version they were made under; their thresholds were not recorded.
ALTER TABLE recommendation ADD COLUMN rule_set jsonb;
UPDATE recommendation SET rule_set = '{"version": "progression-1"}';
ALTER TABLE recommendation ALTER COLUMN rule_set SET NOT NULL;
