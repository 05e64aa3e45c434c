package io.limber.reminder.client;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter: the delay doubles per failed attempt up to a cap, and each
 * delay is drawn from its upper half, so receivers that failed together are not retried together.
 */
public record Backoff(Duration initial, Duration max) {

    /** @param failedAttempts attempts made so far, at least 1 */
    public Duration delay(int failedAttempts, RandomGenerator random) {
        long base = initial.toMillis() << Math.min(failedAttempts - 1, 30);
        long capped = Math.min(base <= 0 ? Long.MAX_VALUE : base, max.toMillis());
        long half = capped / 2;
        return Duration.ofMillis(half + random.nextLong(half + 1));
    }
}
