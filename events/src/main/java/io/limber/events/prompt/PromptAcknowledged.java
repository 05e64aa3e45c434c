package io.limber.events.prompt;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code limber.prompt.acknowledged} on {@code limber.prompts.v1}, keyed by member id.
 *
 * @param action {@code done}, {@code snoozed} or {@code dismissed}
 */
public record PromptAcknowledged(UUID promptId, String memberId, String action, Instant at) {}
