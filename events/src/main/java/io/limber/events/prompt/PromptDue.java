package io.limber.events.prompt;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Data of {@code limber.prompt.due} on {@code limber.prompts.v1}, keyed by member id: a movement
 * prompt for notification gateways to deliver.
 *
 * @param dueAt when the prompt was scheduled; a snoozed prompt keeps its id and is due again later
 * @param timeZone the member's IANA time zone, so a gateway can render local times
 * @param suggestion the exercise suggested; null when nothing in the catalog fits the member
 * @param channels the delivery channels the member chose, e.g. {@code push}, {@code email},
 *     {@code webhook} (reminder-service itself delivers the webhook)
 */
public record PromptDue(
        UUID promptId, String memberId, Instant dueAt, String timeZone, Suggestion suggestion, List<String> channels) {

    /** The exercise suggested, with the member's current dosage for it. */
    public record Suggestion(UUID exerciseId, String slug, String name, int sets, Integer reps, Integer holdSeconds) {}
}
