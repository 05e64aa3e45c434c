package io.limber.web;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * Problem+json answers written straight from a Vert.x route, for refusals made before a request
 * reaches REST (body size, request rate, load), shaped like those of quarkus-resteasy-problem.
 */
final class RouteProblems {

    private RouteProblems() {}

    /** The response with status and content type set, for the caller to add headers to before {@link #end}. */
    static HttpServerResponse start(RoutingContext rc, int status) {
        return rc.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json");
    }

    static void end(RoutingContext rc, String service, String type, String title, String detail) {
        HttpServerResponse response = rc.response();
        response.end(new JsonObject()
                .put("type", "https://problems.limber.io/" + service + "/" + type)
                .put("title", title)
                .put("status", response.getStatusCode())
                .put("detail", detail)
                .put("instance", rc.request().path())
                .encode());
    }
}
