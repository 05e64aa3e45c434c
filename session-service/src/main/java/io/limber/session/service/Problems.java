package io.limber.session.service;

import java.net.URI;

import io.quarkiverse.resteasy.problem.HttpProblem;

/** The problem+json answers of this service's own rules; each has a stable type URI. */
public final class Problems {

    private static final String TYPE_BASE = "https://problems.limber.io/session-service/";

    private Problems() {}

    public static HttpProblem badRequest(String type, String detail) {
        return problem(400, "Bad Request", type, detail);
    }

    public static HttpProblem forbidden(String detail) {
        return problem(403, "Forbidden", "forbidden", detail);
    }

    public static HttpProblem notFound(String type, String detail) {
        return problem(404, "Not Found", type, detail);
    }

    public static HttpProblem conflict(String type, String detail) {
        return problem(409, "Conflict", type, detail);
    }

    public static HttpProblem unprocessable(String type, String detail) {
        return problem(422, "Unprocessable Content", type, detail);
    }

    private static HttpProblem problem(int status, String title, String type, String detail) {
        return HttpProblem.builder()
                .withType(URI.create(TYPE_BASE + type))
                .withStatus(status)
                .withTitle(title)
                .withDetail(detail)
                .build();
    }
}
