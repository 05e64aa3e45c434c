package io.limber.events.prompt;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code limber.prompt.due} on {@code limber.prompts.v1}, keyed by member id: a movement
 * prompt for notification gateways to deliver.
 */
public record PromptDue(UUID promptId, String memberId, Instant dueAt, String timeZone, Suggestion suggestion) {

    /** The exercise suggested, with the member's current dosage for it. */
    public record Suggestion(UUID exerciseId, String slug, String name, int sets, Integer reps, Integer holdSeconds) {}
}
