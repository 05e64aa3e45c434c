package io.limber.reminder.model;

/** Lower case: the names are stored and shown to members as they are. */
public enum PromptStatus {
    sent,
    snoozed,
    done,
    dismissed
}
