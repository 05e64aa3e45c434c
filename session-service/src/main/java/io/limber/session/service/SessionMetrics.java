package io.limber.session.service;

import java.util.EnumMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import io.limber.events.session.SessionCompleted;
import io.limber.events.session.ToleranceReported;
import io.limber.session.domain.Zone;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

/**
 * Business counters, counted from the events this service commits to its outbox: an event exists
 * exactly when the change was committed, so a rolled-back or replayed (idempotent) request counts
 * nothing. Meters are registered once, at start-up, never per request.
 */
@ApplicationScoped
@Startup // the series exist, at zero, from the first scrape
public class SessionMetrics {

    private final Counter sessionsRecorded;
    private final Map<Zone, Counter> reportsByZone = new EnumMap<>(Zone.class);

    SessionMetrics(MeterRegistry registry) {
        this.sessionsRecorded = Counter.builder("limber.sessions.recorded")
                .description("Exercise sessions recorded")
                .register(registry);
        for (Zone zone : Zone.values()) {
            reportsByZone.put(
                    zone,
                    Counter.builder("limber.tolerance.reports")
                            .description("Tolerance reports and morning check-ins, by the zone they fell in")
                            .tag("zone", zone.wireName())
                            .register(registry));
        }
    }

    void recorded(@Observes(during = TransactionPhase.AFTER_SUCCESS) SessionCompleted session) {
        sessionsRecorded.increment();
    }

    void reported(@Observes(during = TransactionPhase.AFTER_SUCCESS) ToleranceReported report) {
        if (report.zone() == null) {
            return;
        }
        Counter counter = reportsByZone.get(zoneOf(report.zone()));
        if (counter != null) {
            counter.increment();
        }
    }

    private static Zone zoneOf(String wireName) {
        try {
            return Zone.fromWireName(wireName);
        } catch (IllegalArgumentException e) {
            return null; // never a new tag value from data
        }
    }
}
