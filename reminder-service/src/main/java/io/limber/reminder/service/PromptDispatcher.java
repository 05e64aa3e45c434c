package io.limber.reminder.service;

import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

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

    private static final Logger LOG = Logger.getLogger(PromptDispatcher.class);

    private final PromptDispatchService service;
    private final ReminderConfig config;
    private volatile boolean running;
    private Thread thread;

    PromptDispatcher(PromptDispatchService service, ReminderConfig config) {
        this.service = service;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        if (!config.dispatch().enabled()) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "prompt-dispatcher");
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

    private void run() {
        boolean failing = false;
        while (running) {
            try {
                int handled = service.dispatchBatch();
                failing = false;
                if (handled < config.dispatch().batchSize()) {
                    TimeUnit.MILLISECONDS.sleep(config.dispatch().pollInterval().toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                if (!failing) {
                    LOG.warnf(e, "Prompt dispatch failed; the due rows stay due and are retried");
                    failing = true;
                }
                sleepQuietly(config.dispatch().pollInterval().toMillis());
            }
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
