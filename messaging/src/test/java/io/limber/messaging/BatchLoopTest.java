package io.limber.messaging;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The loop's pacing on a clock the test moves: nothing here depends on how fast this machine
 * schedules threads. Awaitility only waits for the loop's thread to reach a point.
 */
class BatchLoopTest {

    private static final Duration GAP = Duration.ofMillis(400);
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void wakeUpsWithinTheMinimumGapShareOneBatch() throws Exception {
        ManualTicker ticker = new ManualTicker();
        AtomicInteger runs = new AtomicInteger();
        BatchLoop loop = countingRuns(runs, ticker, 100);
        try {
            await().atMost(WAIT).until(() -> runs.get() == 1); // the first batch at start
            ticker.advance(Duration.ofMillis(100));
            for (int i = 0; i < 20; i++) { // twenty commits before the gap has run out
                loop.wakeUp();
            }
            assertThat(ticker.nextSleep())
                    .as("a wake-up 100 ms after a batch waits for the rest of the 400 ms gap")
                    .isEqualTo(Duration.ofMillis(300));
            assertThat(runs.get()).as("no batch before the gap has run out").isEqualTo(1);
            ticker.finishSleep();

            await().atMost(WAIT).until(() -> runs.get() == 2);
            assertThat(loop.pendingWakeUps())
                    .as("the second batch took all twenty wake-ups: none is owed another batch")
                    .isZero();
        } finally {
            loop.stop();
        }
    }

    @Test
    void aWakeUpAfterAQuietSpellRunsAtOnce() throws Exception {
        ManualTicker ticker = new ManualTicker();
        AtomicInteger runs = new AtomicInteger();
        BatchLoop loop = countingRuns(runs, ticker, 100);
        try {
            await().atMost(WAIT).until(() -> runs.get() == 1);
            ticker.advance(Duration.ofMillis(500)); // longer than the gap: the next wake-up owes nothing
            loop.wakeUp();
            await().atMost(WAIT).until(() -> runs.get() == 2);
            assertThat(ticker.sleeps()).as("waits asked for by the loop").isZero();
        } finally {
            loop.stop();
        }
    }

    @Test
    void aFullBatchIsFollowedAtOnceByTheNext() throws Exception {
        ManualTicker ticker = new ManualTicker();
        AtomicInteger runs = new AtomicInteger();
        // Each batch handles a full batch (1) until the third, which finds nothing left.
        BatchLoop loop = BatchLoop.start(
                "test-loop",
                "nothing",
                1,
                WAIT,
                Duration.ofSeconds(1),
                GAP,
                () -> runs.incrementAndGet() < 3 ? 1 : 0,
                ticker);
        try {
            await().atMost(WAIT).until(() -> runs.get() == 3);
            assertThat(ticker.sleeps())
                    .as("a backlog is drained without waiting for a wake-up")
                    .isZero();
            assertThat(loop.pendingWakeUps()).isZero();
        } finally {
            loop.stop();
        }
    }

    @Test
    void aFailingBatchIsRetriedAfterTheBackoff() throws Exception {
        ManualTicker ticker = new ManualTicker();
        AtomicInteger runs = new AtomicInteger();
        BatchLoop loop = BatchLoop.start(
                "test-loop",
                "nothing",
                100,
                WAIT,
                Duration.ofSeconds(7),
                GAP,
                () -> {
                    if (runs.incrementAndGet() == 1) {
                        throw new IllegalStateException("database away");
                    }
                    return 0;
                },
                ticker);
        try {
            assertThat(ticker.nextSleep()).as("the backoff after a failure").isEqualTo(Duration.ofSeconds(7));
            assertThat(runs.get()).isEqualTo(1);
            ticker.finishSleep();
            await().atMost(WAIT).until(() -> runs.get() == 2);
        } finally {
            loop.stop();
        }
    }

    /** A loop with a 400 ms minimum gap between batches started by wake-ups, counting its batches. */
    private static BatchLoop countingRuns(AtomicInteger runs, ManualTicker ticker, int batchSize) {
        return BatchLoop.start(
                "test-loop",
                "nothing",
                batchSize,
                WAIT,
                Duration.ofSeconds(1),
                GAP,
                () -> {
                    runs.incrementAndGet();
                    return 0;
                },
                ticker);
    }

    /**
     * Time stands still until the test moves it; a sleep is handed to the test, which ends it
     * (moving the clock by the time asked for) when it has looked at it.
     */
    private static final class ManualTicker implements BatchLoop.Ticker {

        private final AtomicLong now = new AtomicLong();
        private final BlockingQueue<Long> asked = new LinkedBlockingQueue<>();
        private final Semaphore finished = new Semaphore(0);
        private final AtomicInteger sleeps = new AtomicInteger();

        @Override
        public long nanoTime() {
            return now.get();
        }

        @Override
        public void sleepNanos(long nanos) throws InterruptedException {
            sleeps.incrementAndGet();
            asked.put(nanos);
            finished.acquire();
            now.addAndGet(nanos);
        }

        void advance(Duration by) {
            now.addAndGet(by.toNanos());
        }

        /** Waits for the loop to ask for a sleep and returns what it asked for. */
        Duration nextSleep() throws InterruptedException {
            Long nanos = asked.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(nanos).as("the loop asked for a sleep").isNotNull();
            return Duration.ofNanos(nanos);
        }

        void finishSleep() {
            finished.release();
        }

        int sleeps() {
            return sleeps.get();
        }
    }
}
