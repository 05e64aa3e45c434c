package io.limber.web;

import java.net.URI;

import io.quarkiverse.resteasy.problem.HttpProblem;

/**
 * A kind of problem+json answer: its type URI, status and meaning, as listed in the problem
 * registry ({@code docs/problems.md}). {@link CommonProblem} holds the kinds every service can
 * answer; a service that has rules of its own names them in an enum of its own. Every problem a
 * service sends carries one of these types: its code builds problems only from a
 * {@code ProblemType}, and {@link ProblemTypes} gives any problem built elsewhere (validation,
 * an unknown route) the common type of its status.
 */
public interface ProblemType {

    /** Every type URI is this followed by the type's slug: one namespace for the whole suite. */
    String BASE = "https://problems.limber.io/";

    /** The last segment of the type URI, e.g. {@code rate-limited}. */
    String slug();

    int status();

    /** What the answer means for the caller, as the registry documents it. */
    String meaning();

    default URI uri() {
        return URI.create(BASE + slug());
    }

    /** The reason phrase of the status (RFC 9110), the problem's title. */
    default String title() {
        return titleOf(status());
    }

    /** A problem of this type, for the caller to add fields or headers to. */
    default HttpProblem.Builder builder(String detail) {
        return HttpProblem.builder()
                .withType(uri())
                .withStatus(status())
                .withTitle(title())
                .withDetail(detail);
    }

    /** A problem of this type, to throw. */
    default HttpProblem problem(String detail) {
        return builder(detail).build();
    }

    static String titleOf(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 406 -> "Not Acceptable";
            case 409 -> "Conflict";
            case 410 -> "Gone";
            case 412 -> "Precondition Failed";
            case 413 -> "Content Too Large";
            case 415 -> "Unsupported Media Type";
            case 422 -> "Unprocessable Content";
            case 428 -> "Precondition Required";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            default -> throw new IllegalArgumentException("No problem type has status " + status);
        };
    }
}
