package io.limber.web;

import java.util.Optional;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;

/**
 * Stops the service, cleanly, when the {@code ./limber} launcher that started it is gone. The
 * launcher stops its services itself on Ctrl-C, but a launcher killed outright (SIGKILL, a closed
 * CI job) cannot, and services left holding their ports make the next {@code ./limber} fail.
 * Only set by the launcher; a service run any other way never watches.
 */
@Singleton
public class LauncherWatch {

    private static final Logger LOG = Logger.getLogger(LauncherWatch.class);

    void watch(
            @Observes StartupEvent started, @ConfigProperty(name = "limber.launcher-pid") Optional<Long> launcherPid) {
        launcherPid.ifPresent(pid -> ProcessHandle.of(pid)
                .ifPresentOrElse(launcher -> launcher.onExit().thenRun(() -> stop(pid)), () -> stop(pid)));
    }

    private static void stop(long pid) {
        LOG.warnf("The launcher (pid %d) is gone; stopping", pid);
        Quarkus.asyncExit(0);
    }
}
