package io.limber.reminder.service;

import io.limber.web.ProblemType;

/** The problems of reminder-service's own rules, as the problem registry ({@code docs/problems.md}) lists them. */
public final class ReminderProblem {
    public static final ProblemType INVALID_SNOOZE =
            new ProblemType("invalid-snooze", 400, "A prompt can be snoozed for 5, 10 or 15 minutes only.");

    public static final ProblemType WEBHOOK_TARGET_REFUSED = new ProblemType(
            "webhook-target-refused",
            400,
            "The webhook URL is not one the service will call (its scheme, host or address is refused); `detail`"
                    + " says why.");

    public static final ProblemType TIME_ZONE_REQUIRED = new ProblemType(
            "time-zone-required",
            400,
            "Preferences are saved for the first time without `timeZone`, and the token names no known zone"
                    + " (`zoneinfo`): prompts come in the member's working hours, so the zone must be known.");

    public static final ProblemType PROMPT_NOT_FOUND =
            new ProblemType("prompt-not-found", 404, "The member has no prompt of this id.");

    public static final ProblemType PROMPT_CLOSED = new ProblemType(
            "prompt-closed", 409, "The prompt was already done, dismissed or expired; nothing more comes of it.");

    public static final ProblemType SNOOZE_LIMIT =
            new ProblemType("snooze-limit", 409, "The prompt was already snoozed as often as allowed.");

    private ReminderProblem() {}
}
