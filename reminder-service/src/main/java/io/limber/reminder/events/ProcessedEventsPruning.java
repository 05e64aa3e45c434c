package io.limber.reminder.events;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.limber.messaging.ProcessedEvents;
import io.quarkus.scheduler.Scheduled;

/**
 * Keeps the processed-event log from growing forever. An entry is only needed while its event can
 * be delivered again, which a consumer group reset can do for as long as the topic keeps it
 * ({@code limber.sessions.v1}: 14 days), so entries are kept a week longer than that by default.
 */
@ApplicationScoped
public class ProcessedEventsPruning {

    private static final Logger LOG = Logger.getLogger(ProcessedEventsPruning.class);

    private final ProcessedEvents processed;
    private final Duration retention;

    ProcessedEventsPruning(
            ProcessedEvents processed,
            @ConfigProperty(name = "limber.reminders.processed-events.retention", defaultValue = "P21D")
                    Duration retention) {
        this.processed = processed;
        this.retention = retention;
    }

    // Concurrent replicas may both run it: each deletes what the other has not yet.
    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void everyHour() {
        prune();
    }

    /** @return how many entries were forgotten */
    public int prune() {
        int forgotten = processed.forgetProcessedBefore(Instant.now().minus(retention));
        if (forgotten > 0) {
            LOG.infof("Forgot %d processed events older than %s", forgotten, retention);
        }
        return forgotten;
    }
}
