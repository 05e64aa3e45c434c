package io.limber.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The problems any service can answer, whatever its domain. {@link #of} names the type
 * {@link ProblemTypes} gives a problem built without one.
 */
public final class CommonProblem {
    public static final ProblemType BAD_REQUEST = new ProblemType(
            "bad-request",
            400,
            "The request is malformed: a body that is not the expected JSON, a field or parameter of the wrong type or"
                    + " out of range. `detail` or `violations` names the field; send it again corrected.");

    public static final ProblemType UNAUTHORIZED = new ProblemType(
            "unauthorized",
            401,
            "No valid bearer token came with the request (missing, expired, wrong issuer or audience, bad signature)."
                    + " `WWW-Authenticate` says which.");

    public static final ProblemType FORBIDDEN = new ProblemType(
            "forbidden",
            403,
            "The token is valid, but its subject or roles may not do this: another member's data, another employer's"
                    + " figures, an editor's action without the role.");

    public static final ProblemType NOT_FOUND =
            new ProblemType("not-found", 404, "Nothing is at this path, or the caller may not see that it exists.");

    public static final ProblemType METHOD_NOT_ALLOWED =
            new ProblemType("method-not-allowed", 405, "The path exists but does not take this method.");

    public static final ProblemType NOT_ACCEPTABLE = new ProblemType(
            "not-acceptable", 406, "The service cannot answer in any media type the `Accept` header allows.");

    public static final ProblemType CONFLICT = new ProblemType(
            "conflict",
            409,
            "The request is well-formed but conflicts with the resource's current state (e.g. a workflow step that"
                    + " its state does not allow); `detail` says what the state is.");

    public static final ProblemType PRECONDITION_FAILED = new ProblemType(
            "precondition-failed",
            412,
            "`If-Match` names a version that is no longer current: read the resource again and reapply the change.");

    public static final ProblemType BODY_TOO_LARGE = new ProblemType(
            "body-too-large",
            413,
            "The request body is larger than the service accepts (`limber.http.max-body-size`); nothing was read"
                    + " into the service.");

    public static final ProblemType UNSUPPORTED_MEDIA_TYPE =
            new ProblemType("unsupported-media-type", 415, "The body's `Content-Type` is not one the operation takes.");

    public static final ProblemType UNPROCESSABLE = new ProblemType(
            "unprocessable",
            422,
            "The request is well-formed but names something that cannot be used here; `detail` says what.");

    public static final ProblemType PRECONDITION_REQUIRED = new ProblemType(
            "precondition-required",
            428,
            "This write changes a versioned resource and needs the `If-Match` header with the version that was read.");

    public static final ProblemType RATE_LIMITED = new ProblemType(
            "rate-limited",
            429,
            "The caller sent more requests than its rate allows (per token subject, or per client address without a"
                    + " token); nothing was done. Wait `Retry-After` seconds.");

    public static final ProblemType INTERNAL_ERROR = new ProblemType(
            "internal-error",
            500,
            "The service failed in a way it did not expect; the request may or may not have taken effect. It is"
                    + " logged; retry an idempotent request with the same `Idempotency-Key`.");

    public static final ProblemType OVERLOADED = new ProblemType(
            "overloaded",
            503,
            "The service is working on as many requests as it can; nothing was done. Wait `Retry-After` seconds.");

    public static final ProblemType DATABASE_UNAVAILABLE = new ProblemType(
            "database-unavailable",
            503,
            "The service could not reach its database (no free connection in time, or the database is down);"
                    + " nothing was done. Wait `Retry-After` seconds.");

    /**
     * The general type of each status, for a problem built without one. Named where a status has
     * more than one common type, not left to the order reflection lists the fields in, which the
     * JDK does not promise; a status given a second type without a choice here fails at start.
     * After the constants: it reads them.
     */
    private static final Map<Integer, ProblemType> GENERAL =
            general(ProblemType.declaredIn(CommonProblem.class), Map.of(503, OVERLOADED));

    private CommonProblem() {}

    /** The general type of a status, for a problem that was built without one. */
    public static Optional<ProblemType> of(int status) {
        return Optional.ofNullable(GENERAL.get(status));
    }

    static Map<Integer, ProblemType> general(List<ProblemType> all, Map<Integer, ProblemType> chosen) {
        Map<Integer, List<ProblemType>> byStatus =
                all.stream().collect(Collectors.groupingBy(ProblemType::status, TreeMap::new, Collectors.toList()));
        Map<Integer, ProblemType> general = new TreeMap<>();
        byStatus.forEach((status, types) -> {
            ProblemType type = types.size() == 1 ? types.get(0) : chosen.get(status);
            if (type == null || !types.contains(type)) {
                throw new IllegalStateException(
                        "Status " + status + " has " + types.size() + " common types: name its general one");
            }
            general.put(status, type);
        });
        return Map.copyOf(general);
    }
}
