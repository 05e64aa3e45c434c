package io.limber.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;

/**
 * The order of the HTTP filter chain, in one place. Vert.x route filters run highest priority
 * first:
 *
 * <ol>
 *   <li>{@link InFlightLimit}: first of all, so a request shed under load costs nothing more;
 *   <li>{@link BodySizeLimit}: before the body is read and before a token is verified;
 *   <li>CORS ({@link SecurityHandlerPriorities#CORS});
 *   <li>authentication ({@link SecurityHandlerPriorities#AUTHENTICATION});
 *   <li>{@link RateLimit}: just after authentication, so the caller is known, and before
 *       authorization;
 *   <li>authorization ({@link SecurityHandlerPriorities#AUTHORIZATION});
 *   <li>REST: a service's own request filters, then the body through {@link EntitySizeLimit}.
 * </ol>
 */
@ApplicationScoped
class RouteFilters {

    static final int IN_FLIGHT = 2000;
    static final int BODY_SIZE = 1000;
    static final int RATE = SecurityHandlerPriorities.AUTHENTICATION - 10;

    void register(@Observes Filters filters, InFlightLimit inFlight, BodySizeLimit bodySize, RateLimit rate) {
        filters.register(inFlight::admit, IN_FLIGHT);
        filters.register(bodySize::check, BODY_SIZE);
        if (rate.enabled()) {
            filters.register(rate::limit, RATE);
        }
    }
}
