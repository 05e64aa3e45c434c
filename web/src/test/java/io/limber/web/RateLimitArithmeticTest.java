package io.limber.web;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The token bucket on its own, on a clock the test sets: how many come at once, and when the next may. */
class RateLimitArithmeticTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    /** An arbitrary start: nanoTime can be any value, negative included. */
    private static final long T0 = -7 * SECOND;

    @ParameterizedTest(name = "{0}/s, burst {1}")
    @CsvSource({"1, 1", "1, 5", "100, 200", "20, 40", "0.1, 3"})
    void aFullBucketTakesItsBurstAtOnceThenTheNextWaitsOneInterval(double perSecond, int burst) {
        RateLimit.Limit limit = new RateLimit.Limit(perSecond, burst);
        AtomicLong bucket = new AtomicLong(T0);
        for (int i = 0; i < burst; i++) {
            assertThat(limit.take(bucket, T0))
                    .as("request %d of the burst", i + 1)
                    .isZero();
        }
        assertThat(limit.take(bucket, T0)).isEqualTo(Math.round(1e9 / perSecond));
    }

    @Test
    void aRefusedRequestTakesNothingFromTheBucket() {
        RateLimit.Limit limit = new RateLimit.Limit(1, 2);
        AtomicLong bucket = new AtomicLong(T0);
        limit.take(bucket, T0);
        limit.take(bucket, T0);
        long fullAt = bucket.get();
        for (int i = 0; i < 5; i++) {
            assertThat(limit.take(bucket, T0)).isEqualTo(SECOND);
        }
        assertThat(bucket.get()).isEqualTo(fullAt);
    }

    @Test
    void oneRequestComesBackPerIntervalAndTheWaitShrinksMeanwhile() {
        RateLimit.Limit limit = new RateLimit.Limit(2, 1); // one per 500 ms
        AtomicLong bucket = new AtomicLong(T0);
        assertThat(limit.take(bucket, T0)).isZero();
        assertThat(limit.take(bucket, T0 + SECOND / 10)).isEqualTo(SECOND / 2 - SECOND / 10);
        assertThat(limit.take(bucket, T0 + SECOND / 2 - 1)).isEqualTo(1);
        assertThat(limit.take(bucket, T0 + SECOND / 2)).isZero();
        assertThat(limit.take(bucket, T0 + SECOND / 2)).isEqualTo(SECOND / 2);
    }

    @Test
    void anIdleBucketRefillsToItsBurstAndNoFurther() {
        RateLimit.Limit limit = new RateLimit.Limit(1, 3);
        AtomicLong bucket = new AtomicLong(T0);
        for (int i = 0; i < 3; i++) {
            limit.take(bucket, T0);
        }
        long later = T0 + 1_000 * SECOND;
        for (int i = 0; i < 3; i++) {
            assertThat(limit.take(bucket, later)).isZero();
        }
        assertThat(limit.take(bucket, later)).isEqualTo(SECOND);
        assertThat(limit.refillNanos())
                .as("what RateLimit expires idle buckets after")
                .isEqualTo(3 * SECOND);
    }

    @Test
    void aBurstBelowOneStillLetsOneRequestThrough() {
        RateLimit.Limit limit = new RateLimit.Limit(1, 0);
        AtomicLong bucket = new AtomicLong(T0);
        assertThat(limit.take(bucket, T0)).isZero();
        assertThat(limit.take(bucket, T0)).isEqualTo(SECOND);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, -1})
    void aRateThatIsNotPositiveIsRefusedAtStartUp(double perSecond) {
        assertThatThrownBy(() -> new RateLimit.Limit(perSecond, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be positive");
    }
}
