package io.limber.content.service;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import io.quarkiverse.resteasy.problem.HttpProblem;

/** RFC 9457 problems this service raises; quarkus-resteasy-problem renders them. */
public final class Problems {

    private Problems() {}

    public static HttpProblem notFound(String detail) {
        return HttpProblem.valueOf(Response.Status.NOT_FOUND, detail);
    }

    public static HttpProblem conflict(String detail) {
        return HttpProblem.valueOf(Response.Status.CONFLICT, detail);
    }

    public static HttpProblem forbidden(String detail) {
        return HttpProblem.valueOf(Response.Status.FORBIDDEN, detail);
    }

    public static HttpProblem badRequest(String detail) {
        return HttpProblem.valueOf(Response.Status.BAD_REQUEST, detail);
    }

    public static HttpProblem preconditionFailed(String detail) {
        return HttpProblem.valueOf(Response.Status.PRECONDITION_FAILED, detail);
    }

    public static HttpProblem preconditionRequired(String detail) {
        return HttpProblem.builder()
                .withStatus(428)
                .withTitle("Precondition Required")
                .withDetail(detail)
                .build();
    }

    /** Field-level problems, shaped like the ones bean validation produces. */
    public static HttpProblem invalid(int status, String in, List<FieldError> errors) {
        return HttpProblem.builder()
                .withStatus(status)
                .withTitle(status == 409 ? "Conflict" : "Bad Request")
                .withDetail(
                        errors.size() == 1
                                ? errors.get(0).field() + ": " + errors.get(0).message()
                                : null)
                .with(
                        "violations",
                        errors.stream()
                                .map(e -> Map.of("field", e.field(), "in", in, "message", e.message()))
                                .toList())
                .build();
    }

    public record FieldError(String field, String message) {}
}
