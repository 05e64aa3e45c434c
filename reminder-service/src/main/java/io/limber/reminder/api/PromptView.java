package io.limber.reminder.api;

import java.time.Instant;
import java.util.UUID;

/** A prompt in the member's history. */
public record PromptView(
        UUID id,
        Instant dueAt,
        Instant sentAt,
        String status,
        int snoozeCount,
        Instant actedAt,
        SuggestionView suggestion) {

    public record SuggestionView(
            UUID exerciseId, String slug, String name, Integer sets, Integer reps, Integer holdSeconds) {}
}
