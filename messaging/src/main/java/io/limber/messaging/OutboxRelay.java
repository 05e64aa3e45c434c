package io.limber.messaging;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Drains the outbox to Kafka on one background thread: woken right after each commit that
 * appended events, and otherwise every poll interval (for rows another replica wrote, and for
 * retries while Kafka is away).
 */
@ApplicationScoped
public class OutboxRelay {

    private final OutboxPublisher publisher;
    private final OutboxStore store;
    private final OutboxConfig config;
    private volatile BatchLoop loop;
    private Instant nextCleanup = Instant.now();

    OutboxRelay(OutboxPublisher publisher, OutboxStore store, OutboxConfig config) {
        this.publisher = publisher;
        this.store = store;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        if (config.enabled()) {
            loop = BatchLoop.start(
                    "outbox-relay",
                    "events wait in the outbox",
                    config.batchSize(),
                    config.pollInterval(),
                    config.retryBackoff(),
                    config.minGap(),
                    this::relayOnce);
        }
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        if (loop != null) {
            loop.stop();
        }
    }

    void appended(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.Appended appended) {
        BatchLoop current = loop;
        if (current != null) {
            current.wakeUp();
        }
    }

    private int relayOnce() throws Exception {
        int published = publisher.publishBatch();
        if (published < config.batchSize() && Instant.now().isAfter(nextCleanup)) {
            store.deletePublishedBefore(Instant.now().minus(config.retention()));
            nextCleanup = Instant.now().plusSeconds(3600);
        }
        return published;
    }
}
