package io.limber.content.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.limber.content.domain.Coded;
import io.limber.content.service.FieldError;
import io.limber.web.CommonProblem;

/** Turns list query parameters into filter values, collecting every bad one into one problem. */
final class Filters {

    private final List<FieldError> errors = new ArrayList<>();

    <E extends Enum<E> & Coded> Optional<E> parse(String param, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        Optional<E> parsed = Coded.parse(type, value);
        if (parsed.isEmpty()) {
            errors.add(new FieldError(param, "'" + value + "' is not one of: " + Coded.accepted(type)));
        }
        return parsed;
    }

    /** Free text. PostgreSQL text cannot hold NUL: refused here rather than failing the query with a 500. */
    Optional<String> text(String param, String value) {
        if (value != null && value.indexOf('\u0000') >= 0) {
            errors.add(new FieldError(param, "must not contain a NUL character"));
            return Optional.empty();
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    void check() {
        if (!errors.isEmpty()) {
            throw FieldError.problem(CommonProblem.BAD_REQUEST, "query", errors);
        }
    }
}
