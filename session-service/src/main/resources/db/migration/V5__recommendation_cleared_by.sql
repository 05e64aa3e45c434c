-- A stop (pain >= 8, or sharp or new pain) holds an exercise until the member says a clinician
-- cleared them to resume. The clearance is itself a recommendation (zone hold, at the dose before
-- the stop), so the audit trail shows who cleared it and why progression restarted.
ALTER TABLE recommendation ADD COLUMN cleared_by text;
