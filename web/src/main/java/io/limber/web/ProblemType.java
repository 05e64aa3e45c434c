package io.limber.web;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.quarkiverse.resteasy.problem.HttpProblem;

/**
 * A kind of problem+json answer: its type URI, status and meaning, as listed in the problem
 * registry ({@code docs/problems.md}). {@link CommonProblem} holds the kinds every service can
 * answer; a service that has rules of its own names them in a class of its own. Every problem a
 * service sends carries one of these types: its code builds problems only from a
 * {@code ProblemType}, and {@link ProblemTypes} gives any problem built elsewhere (validation,
 * an unknown route) the common type of its status.
 *
 * @param slug the last segment of the type URI, e.g. {@code rate-limited}
 * @param meaning what the answer means for the caller, as the registry documents it
 */
public record ProblemType(String slug, int status, String meaning) {

    /** Every type URI is this followed by the type's slug: one namespace for the whole suite. */
    public static final String BASE = "https://problems.limber.io/";

    public ProblemType {
        titleOf(status); // refuses a status without a reason phrase here
    }

    public URI uri() {
        return URI.create(BASE + slug);
    }

    /** The reason phrase of the status (RFC 9110), the problem's title. */
    public String title() {
        return titleOf(status);
    }

    /** A problem of this type, for the caller to add fields or headers to. */
    public HttpProblem.Builder builder(String detail) {
        return HttpProblem.builder()
                .withType(uri())
                .withStatus(status)
                .withTitle(title())
                .withDetail(detail);
    }

    /** A problem of this type, to throw. */
    public HttpProblem problem(String detail) {
        return builder(detail).build();
    }

    /** The row of the registry's table that documents this type. */
    public String registryRow() {
        return "| `" + uri() + "` | " + status + " | " + meaning + " |";
    }

    /** The types these classes declare as constants, in order; no two may share a slug. */
    public static List<ProblemType> declaredIn(Class<?>... holders) {
        List<ProblemType> types = new ArrayList<>();
        Set<String> slugs = new HashSet<>();
        for (Class<?> holder : holders) {
            for (Field field : holder.getDeclaredFields()) {
                if (field.getType() == ProblemType.class && Modifier.isStatic(field.getModifiers())) {
                    ProblemType type = read(field);
                    if (!slugs.add(type.slug())) {
                        throw new IllegalStateException("Two problem types are " + type.uri());
                    }
                    types.add(type);
                }
            }
        }
        return types;
    }

    private static ProblemType read(Field field) {
        try {
            return (ProblemType) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(field + " is not public", e);
        }
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
