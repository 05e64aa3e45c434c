package io.limber.events.prompt;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code limber.prompt.acknowledged} on {@code limber.prompts.v1}, keyed by member id.
 *
 * @param action {@code done}, {@code snoozed} or {@code dismissed}
 * @param snoozeMinutes how long the prompt was snoozed for (5, 10 or 15); null unless snoozed
 */
public record PromptAcknowledged(UUID promptId, String memberId, String action, Instant at, Integer snoozeMinutes) {}
