-- Prompts are opt-in (issue 17): only a member who saved preferences switched on has a schedule.
-- Until now a session event of any member made one with the defaults (UTC office hours). Those
-- rows go, but for members paused by a safety flag: the pause must hold if they opt in later, so
-- their row stays and only plans nothing. Their prompt history stays, as it would for anyone.
DELETE FROM prompt_schedule s
WHERE NOT s.safety_paused
  AND NOT EXISTS (SELECT 1 FROM reminder_preferences p WHERE p.member_id = s.member_id);

UPDATE prompt_schedule s
SET next_due_at = NULL, snoozed_prompt_id = NULL, updated_at = now()
WHERE NOT EXISTS (SELECT 1 FROM reminder_preferences p WHERE p.member_id = s.member_id);
