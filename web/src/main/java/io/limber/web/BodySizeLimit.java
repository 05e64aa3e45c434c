package io.limber.web;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses an oversized body with a problem+json answer: before it is read when Content-Length
 * says so, while it is read when it comes chunked (HTTP/1.1). Vert.x and RESTEasy enforce
 * {@code quarkus.http.limits.max-body-size} on their own too, but with an empty 413, so
 * {@link BodySizeBackstop} keeps theirs above {@code limber.http.max-body-size}, this one.
 */
@ApplicationScoped
public class BodySizeLimit {

    /** How long the rest of a refused chunked body is read and dropped before the connection closes. */
    static final long LINGER_MS = 2_000;

    private final long limit;

    BodySizeLimit(WebConfig.Http config) {
        this.limit = config.maxBodySize().asLongValue();
    }

    /** A route filter: {@link RouteFilters} places it. */
    void check(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            if (tooLarge(length)) {
                refuse(rc, false);
            } else {
                rc.next();
            }
        } else if (request.version() != HttpVersion.HTTP_2
                && request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null
                && !request.isEnded()) {
            // Chunked. (An HTTP/2 body without a length is left to RESTEasy, which answers an
            // empty 413: reading it here would end the request, and RESTEasy then pauses it,
            // which Vert.x refuses on an ended HTTP/2 stream.)
            readCounting(rc);
        } else {
            rc.next();
        }
    }

    /**
     * Reads a body of unknown length into memory, at most the limit, and hands it on as the
     * routing context's body, which REST reads instead of the request stream.
     */
    private void readCounting(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        Buffer body = Buffer.buffer();
        boolean[] refused = {false};
        request.handler(chunk -> {
            if (refused[0]) {
                return; // drained: see refuse
            }
            if (body.length() + (long) chunk.length() > limit) {
                refused[0] = true;
                refuse(rc, true);
                return;
            }
            body.appendBuffer(chunk);
        });
        request.endHandler(end -> {
            if (refused[0]) {
                request.connection().close();
            } else {
                rc.setBody(body);
                rc.next();
            }
        });
        request.exceptionHandler(failure -> {
            if (refused[0]) {
                request.connection().close();
            } else {
                rc.fail(failure);
            }
        });
        request.resume();
    }

    private void refuse(RoutingContext rc, boolean midBody) {
        if (midBody) {
            // The rest of the body is still coming. Closing now, with it unread, makes the kernel
            // reset the connection, and a client still sending then loses the 413 it was sent.
            // So the rest is read and dropped until it ends (readCounting closes then) or for
            // LINGER_MS at most, which bounds what a client sending forever can hold.
            HttpConnection connection = rc.request().connection();
            rc.vertx().setTimer(LINGER_MS, t -> connection.close()); // a no-op once closed
        }
        RouteProblems.send(
                rc,
                CommonProblem.BODY_TOO_LARGE,
                "The request body is larger than the " + limit + " bytes this service accepts.",
                Map.of(HttpHeaders.CONNECTION.toString(), "close"));
    }

    private boolean tooLarge(String length) {
        try {
            return Long.parseLong(length.trim()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
