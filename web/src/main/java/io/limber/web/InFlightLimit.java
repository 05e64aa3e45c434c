package io.limber.web;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.ext.web.RoutingContext;

/**
 * Sheds load once more requests are in flight than the service can work on: the excess is
 * answered 503 problem+json with {@code Retry-After} at once, instead of queueing for a worker
 * thread or a database connection until the client gives up. {@code /q/*} is never shed, so
 * health checks still answer under load.
 */
@ApplicationScoped
public class InFlightLimit {

    private final int max;
    private final AtomicInteger inFlight = new AtomicInteger();

    InFlightLimit(WebConfig.LoadShedding config) {
        this.max = config.maxInFlight();
    }

    /** A route filter: {@link RouteFilters} places it. */
    void admit(RoutingContext rc) {
        if (rc.request().path().startsWith("/q/")) {
            rc.next();
            return;
        }
        if (inFlight.incrementAndGet() > max) {
            inFlight.decrementAndGet();
            RouteProblems.send(
                    rc,
                    CommonProblem.OVERLOADED,
                    "The service is working on as many requests as it can (" + max + "); try again in 1 s.",
                    Map.of("Retry-After", "1"));
            return;
        }
        // Called once the response is sent, and again if the connection then closes: count one.
        AtomicBoolean counted = new AtomicBoolean(true);
        rc.addEndHandler(ended -> {
            if (counted.getAndSet(false)) {
                inFlight.decrementAndGet();
            }
        });
        rc.next();
    }
}
