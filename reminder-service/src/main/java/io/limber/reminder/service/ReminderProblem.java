package io.limber.reminder.service;

import io.limber.web.ProblemType;

/** The problems of reminder-service's own rules, as the problem registry ({@code docs/problems.md}) lists them. */
public enum ReminderProblem implements ProblemType {
    INVALID_SNOOZE("invalid-snooze", 400, "A prompt can be snoozed for 5, 10 or 15 minutes only."),
    WEBHOOK_TARGET_REFUSED(
            "webhook-target-refused",
            400,
            "The webhook URL is not one the service will call (its scheme, host or address is refused); `detail`"
                    + " says why."),
    PROMPT_NOT_FOUND("prompt-not-found", 404, "The member has no prompt of this id."),
    PROMPT_CLOSED("prompt-closed", 409, "The prompt was already done, dismissed or expired; nothing more comes of it."),
    SNOOZE_LIMIT("snooze-limit", 409, "The prompt was already snoozed as often as allowed.");

    private final String slug;
    private final int status;
    private final String meaning;

    ReminderProblem(String slug, int status, String meaning) {
        this.slug = slug;
        this.status = status;
        this.meaning = meaning;
    }

    @Override
    public String slug() {
        return slug;
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public String meaning() {
        return meaning;
    }
}
