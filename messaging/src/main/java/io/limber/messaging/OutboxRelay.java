package io.limber.messaging;

import java.time.Instant;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Drains the outbox to Kafka on one background thread: woken right after each commit that
 * appended events, and otherwise every poll interval (for rows another replica wrote, and for
 * retries while Kafka is away).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final OutboxPublisher publisher;
    private final OutboxConfig config;
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    OutboxRelay(OutboxPublisher publisher, OutboxConfig config) {
        this.publisher = publisher;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.interrupt();
            thread.join(10_000);
        }
    }

    public void wakeUp() {
        wakeUps.release();
    }

    private void run() {
        Instant nextCleanup = Instant.now();
        boolean failing = false;
        while (running) {
            try {
                int published = publisher.publishBatch();
                if (failing) {
                    LOG.info("Outbox relay publishing again");
                    failing = false;
                }
                if (published == config.batchSize()) {
                    continue; // more are waiting
                }
                if (Instant.now().isAfter(nextCleanup)) {
                    publisher.deletePublishedBefore(Instant.now().minus(config.retention()));
                    nextCleanup = Instant.now().plusSeconds(3600);
                }
                wakeUps.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wakeUps.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                if (!failing) {
                    LOG.warnf("Outbox relay cannot publish yet, events wait in the outbox: %s", rootMessage(e));
                    failing = true;
                }
                sleep(config.retryBackoff().toMillis());
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

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
