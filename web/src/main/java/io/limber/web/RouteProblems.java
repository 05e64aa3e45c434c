package io.limber.web;

import java.util.Map;

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

    static void send(RoutingContext rc, ProblemType type, String detail, Map<String, String> headers) {
        HttpServerResponse response = rc.response()
                .setStatusCode(type.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json");
        headers.forEach(response::putHeader);
        response.end(new JsonObject()
                .put("type", type.uri().toString())
                .put("title", type.title())
                .put("status", type.status())
                .put("detail", detail)
                .put("instance", rc.request().path())
                .encode());
    }
}
