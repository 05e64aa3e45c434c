package io.limber.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;

/**
 * Refuses an oversized body before it is read, with a problem+json answer. Vert.x enforces
 * {@code quarkus.http.limits.max-body-size} on its own too, but with an empty 413.
 */
@ApplicationScoped
public class BodySizeLimit {

    private final long limit;
    private final String service;

    BodySizeLimit(
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit,
            @ConfigProperty(name = "quarkus.application.name") String service) {
        this.limit = limit.asLongValue();
        this.service = service;
    }

    void register(@Observes Filters filters) {
        filters.register(
                rc -> {
                    String length = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
                    if (length != null && tooLarge(length)) {
                        rc.response()
                                .setStatusCode(413)
                                .putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                                .putHeader(HttpHeaders.CONNECTION, "close")
                                .end("{\"type\":\"https://problems.limber.io/" + service + "/body-too-large\","
                                        + "\"title\":\"Content Too Large\",\"status\":413,\"detail\":\"The request body"
                                        + " is larger than the " + limit + " bytes this service accepts.\"}");
                        return;
                    }
                    rc.next();
                },
                // Before the body is read and before authentication.
                1000);
    }

    private boolean tooLarge(String length) {
        try {
            return Long.parseLong(length.trim()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
