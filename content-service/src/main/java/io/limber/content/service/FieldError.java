package io.limber.content.service;

import java.util.List;
import java.util.Map;

import io.limber.web.ProblemType;
import io.quarkiverse.resteasy.problem.HttpProblem;

/** One field a request got wrong, reported as bean validation reports its violations. */
public record FieldError(String field, String message) {

    /** A problem listing the fields under {@code violations}, each with where it was ({@code body}, {@code query}). */
    public static HttpProblem problem(ProblemType type, String in, List<FieldError> errors) {
        return type.builder(
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
}
