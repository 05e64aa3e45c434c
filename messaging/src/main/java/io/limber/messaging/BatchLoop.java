package io.limber.messaging;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

/**
 * Runs a batch job over and over on its own thread: at once again after a full batch, otherwise
 * after the poll interval or as soon as {@link #wakeUp()} is called. A failing batch is retried
 * after the backoff and logged once until it works again, so an outage does not flood the log.
 *
 * <p>Used where the scheduler extension does not fit: the outbox relay must run right after a
 * commit, and the reminder dispatchers drain backlogs without waiting for the next tick.
 */
public final class BatchLoop {

    /** One batch; returns how many items it handled. */
    @FunctionalInterface
    public interface Batch {
        int run() throws Exception;
    }

    /**
     * The loop's sense of time: how long the minimum gap still has to run and the waits it causes.
     * Tests pass one they drive, so the pacing rules are checked without measuring this machine.
     */
    interface Ticker {
        long nanoTime();

        void sleepNanos(long nanos) throws InterruptedException;

        Ticker SYSTEM = new Ticker() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void sleepNanos(long nanos) throws InterruptedException {
                TimeUnit.NANOSECONDS.sleep(nanos);
            }
        };
    }

    private static final Logger LOG = Logger.getLogger(BatchLoop.class);

    private final String name;
    private final String failure;
    private final int batchSize;
    private final Duration pollInterval;
    private final Duration retryBackoff;
    private final long minGapNanos;
    private final Batch batch;
    private final Ticker ticker;
    private final Semaphore wakeUps = new Semaphore(0);
    private final Thread thread;
    private volatile boolean running = true;

    private BatchLoop(
            String name,
            String failure,
            int batchSize,
            Duration pollInterval,
            Duration retryBackoff,
            Duration minGap,
            Batch batch,
            Ticker ticker) {
        this.name = name;
        this.failure = failure;
        this.batchSize = batchSize;
        this.pollInterval = pollInterval;
        this.retryBackoff = retryBackoff;
        this.minGapNanos = minGap.toNanos();
        this.batch = batch;
        this.ticker = ticker;
        this.thread = new Thread(this::run, name);
        this.thread.setDaemon(true);
    }

    /**
     * @param name the thread's name, also used in log lines
     * @param failure what a failure means for the reader of the log, e.g. "events wait in the outbox"
     */
    public static BatchLoop start(
            String name, String failure, int batchSize, Duration pollInterval, Duration retryBackoff, Batch batch) {
        return start(name, failure, batchSize, pollInterval, retryBackoff, Duration.ZERO, batch);
    }

    /**
     * @param minGap how long after one batch started a wake-up may start the next: under a steady
     *     stream of wake-ups (one per commit), the work of that gap goes in one batch instead of a
     *     batch per wake-up; a wake-up after a quiet spell still runs at once
     */
    public static BatchLoop start(
            String name,
            String failure,
            int batchSize,
            Duration pollInterval,
            Duration retryBackoff,
            Duration minGap,
            Batch batch) {
        return start(name, failure, batchSize, pollInterval, retryBackoff, minGap, batch, Ticker.SYSTEM);
    }

    static BatchLoop start(
            String name,
            String failure,
            int batchSize,
            Duration pollInterval,
            Duration retryBackoff,
            Duration minGap,
            Batch batch,
            Ticker ticker) {
        BatchLoop loop = new BatchLoop(name, failure, batchSize, pollInterval, retryBackoff, minGap, batch, ticker);
        loop.thread.start();
        return loop;
    }

    public void wakeUp() {
        wakeUps.release();
    }

    /** Wake-ups not yet taken by a batch (for tests: zero once a batch has taken them all). */
    int pendingWakeUps() {
        return wakeUps.availablePermits();
    }

    public void stop() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(10_000);
    }

    private void run() {
        boolean failing = false;
        while (running) {
            try {
                long started = ticker.nanoTime();
                int handled = batch.run();
                if (failing) {
                    LOG.infof("%s works again", name);
                    failing = false;
                }
                if (handled >= batchSize) {
                    continue; // more are waiting
                }
                if (wakeUps.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS)) {
                    long early = minGapNanos - (ticker.nanoTime() - started);
                    if (early > 0) {
                        ticker.sleepNanos(early);
                    }
                    wakeUps.drainPermits();
                }
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                if (!failing) {
                    LOG.warnf("%s failed, retrying every %s; %s: %s", name, retryBackoff, failure, rootMessage(e));
                    failing = true;
                }
                try {
                    ticker.sleepNanos(retryBackoff.toNanos());
                } catch (InterruptedException stopped) {
                    return;
                }
            }
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
