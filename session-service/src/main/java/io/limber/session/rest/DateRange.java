package io.limber.session.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import io.limber.session.service.SessionProblem;

/** Query parameters as calendar dates, parsed here so a bad one is a 400 with a clear message. */
final class DateRange {

    private DateRange() {}

    static LocalDate parse(String name, String value, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw SessionProblem.INVALID_DATE.problem(name + " must be a date like 2026-01-31, not '" + value + "'.");
        }
    }

    static void requireOrdered(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw SessionProblem.INVALID_DATE_RANGE.problem("to must not be before from.");
        }
    }
}
