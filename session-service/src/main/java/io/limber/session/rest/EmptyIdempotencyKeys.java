package io.limber.session.rest;

import jakarta.ws.rs.BadRequestException;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.vertx.core.http.HttpServerRequest;

/**
 * Refuses an {@code Idempotency-Key} header sent empty. RESTEasy hands an empty header to the
 * resource as null, the same as no header, and a write without a key is recorded again on every
 * retry: a client whose key came out empty would get the very duplicates it sent a key to avoid.
 */
public class EmptyIdempotencyKeys {

    @ServerRequestFilter
    public void refuse(HttpServerRequest request) {
        String key = request.getHeader("Idempotency-Key");
        if (key != null && key.isBlank()) {
            throw new BadRequestException("Header 'Idempotency-Key' is empty: send a unique key of 1 to 200"
                    + " characters to make retries safe, or leave the header out");
        }
    }
}
