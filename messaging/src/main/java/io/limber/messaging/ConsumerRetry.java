package io.limber.messaging;

import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.faulttolerance.api.Guard;

/**
 * How the suite's Kafka consumers meet a failure, for {@code @ApplyGuard(ConsumerRetry.NAME)} on
 * an {@code @Incoming} method. A failure that may pass (the database away, a connection lost) is
 * retried, each time in a new transaction and holding the partition in order, for up to 15
 * minutes; a record that cannot be read ({@link IllegalArgumentException},
 * {@link JsonProcessingException}) is not retried. What still fails goes to the channel's
 * dead-letter topic.
 */
@Singleton
public class ConsumerRetry {

    public static final String NAME = "limber-consumer-retry";

    @Produces
    @Identifier(NAME)
    static final Guard GUARD = Guard.create()
            .withRetry()
            .maxRetries(-1)
            .delay(1, ChronoUnit.SECONDS)
            .jitter(500, ChronoUnit.MILLIS)
            .maxDuration(15, ChronoUnit.MINUTES)
            .abortOn(List.of(IllegalArgumentException.class, JsonProcessingException.class))
            .done()
            .build();
}
