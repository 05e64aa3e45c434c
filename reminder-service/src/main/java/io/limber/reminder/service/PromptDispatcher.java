package io.limber.reminder.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.limber.messaging.BatchLoop;
import io.limber.reminder.config.ReminderConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Runs {@link PromptDispatchService#dispatchBatch()} on one background thread per replica: at
 * once again after a full batch, otherwise every poll interval. Every replica runs one; row locks
 * keep them apart.
 */
@ApplicationScoped
public class PromptDispatcher {

    private final PromptDispatchService service;
    private final ReminderConfig config;
    private BatchLoop loop;

    PromptDispatcher(PromptDispatchService service, ReminderConfig config) {
        this.service = service;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        if (config.dispatch().enabled()) {
            loop = BatchLoop.start(
                    "prompt-dispatcher",
                    "the due rows stay due",
                    config.dispatch().batchSize(),
                    config.dispatch().pollInterval(),
                    config.dispatch().pollInterval(),
                    service::dispatchBatch);
        }
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        if (loop != null) {
            loop.stop();
        }
    }
}
