package io.limber.messaging;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class BatchLoopTest {

    @Test
    void wakeUpsWithinTheMinimumGapShareOneBatch() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        BatchLoop loop = countingRuns(runs);
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() == 1); // the first batch at start
            for (int i = 0; i < 20; i++) { // a commit every 10 ms
                loop.wakeUp();
                Thread.sleep(10);
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() >= 2);
            Thread.sleep(600); // any batch still owed to those wake-ups has run by now
            assertThat(runs.get())
                    .as("batches for 20 wake-ups in 200 ms with a 400 ms gap")
                    .isEqualTo(2);
        } finally {
            loop.stop();
        }
    }

    @Test
    void aWakeUpAfterAQuietSpellRunsAtOnce() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        BatchLoop loop = countingRuns(runs);
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() == 1);
            Thread.sleep(500); // longer than the gap: the next wake-up owes nothing
            long woken = System.nanoTime();
            loop.wakeUp();
            await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() == 2);
            assertThat(Duration.ofNanos(System.nanoTime() - woken)).isLessThan(Duration.ofMillis(300));
        } finally {
            loop.stop();
        }
    }

    /** A loop with a 400 ms minimum gap between batches started by wake-ups, counting its batches. */
    private static BatchLoop countingRuns(AtomicInteger runs) {
        return BatchLoop.start(
                "test-loop",
                "nothing",
                100,
                Duration.ofSeconds(30),
                Duration.ofSeconds(1),
                Duration.ofMillis(400),
                () -> {
                    runs.incrementAndGet();
                    return 0;
                });
    }
}
