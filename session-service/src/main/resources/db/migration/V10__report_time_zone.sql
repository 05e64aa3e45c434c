-- The member's time zone when they reported, which decides their local days: when the morning
-- check-in counts and what "one step up a day" means (docs/progression.md). Reports made before
-- this column did not say; they are read as UTC, the same default a report without one gets now.
ALTER TABLE tolerance_report ADD COLUMN time_zone text NOT NULL DEFAULT 'UTC';
ALTER TABLE tolerance_report ALTER COLUMN time_zone DROP DEFAULT;
