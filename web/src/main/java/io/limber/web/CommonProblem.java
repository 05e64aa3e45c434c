package io.limber.web;

import java.util.Arrays;
import java.util.Optional;

/**
 * The problems any service can answer, whatever its domain. The first of a status is the type
 * {@link ProblemTypes} gives a problem built without one.
 */
public enum CommonProblem implements ProblemType {
    BAD_REQUEST(
            "bad-request",
            400,
            "The request is malformed: a body that is not the expected JSON, a field or parameter of the wrong type or"
                    + " out of range. `detail` or `violations` names the field; send it again corrected."),
    UNAUTHORIZED(
            "unauthorized",
            401,
            "No valid bearer token came with the request (missing, expired, wrong issuer or audience, bad signature)."
                    + " `WWW-Authenticate` says which."),
    FORBIDDEN(
            "forbidden",
            403,
            "The token is valid, but its subject or roles may not do this: another member's data, another employer's"
                    + " figures, an editor's action without the role."),
    NOT_FOUND("not-found", 404, "Nothing is at this path, or the caller may not see that it exists."),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "The path exists but does not take this method."),
    NOT_ACCEPTABLE("not-acceptable", 406, "The service cannot answer in any media type the `Accept` header allows."),
    CONFLICT(
            "conflict",
            409,
            "The request is well-formed but conflicts with the resource's current state (e.g. a workflow step that"
                    + " its state does not allow); `detail` says what the state is."),
    PRECONDITION_FAILED(
            "precondition-failed",
            412,
            "`If-Match` names a version that is no longer current: read the resource again and reapply the change."),
    BODY_TOO_LARGE(
            "body-too-large",
            413,
            "The request body is larger than the service accepts (`limber.http.max-body-size`); nothing was read"
                    + " into the service."),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "The body's `Content-Type` is not one the operation takes."),
    UNPROCESSABLE(
            "unprocessable",
            422,
            "The request is well-formed but names something that cannot be used here; `detail` says what."),
    PRECONDITION_REQUIRED(
            "precondition-required",
            428,
            "This write changes a versioned resource and needs the `If-Match` header with the version that was read."),
    RATE_LIMITED(
            "rate-limited",
            429,
            "The caller sent more requests than its rate allows (per token subject, or per client address without a"
                    + " token); nothing was done. Wait `Retry-After` seconds."),
    INTERNAL_ERROR(
            "internal-error",
            500,
            "The service failed in a way it did not expect; the request may or may not have taken effect. It is"
                    + " logged; retry an idempotent request with the same `Idempotency-Key`."),
    OVERLOADED(
            "overloaded",
            503,
            "The service is working on as many requests as it can; nothing was done. Wait `Retry-After` seconds."),
    DATABASE_UNAVAILABLE(
            "database-unavailable",
            503,
            "The service could not reach its database (no free connection in time, or the database is down);"
                    + " nothing was done. Wait `Retry-After` seconds.");

    private final String slug;
    private final int status;
    private final String meaning;

    CommonProblem(String slug, int status, String meaning) {
        this.slug = slug;
        this.status = status;
        this.meaning = meaning;
    }

    @Override
    public String slug() {
        return slug;
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public String meaning() {
        return meaning;
    }

    /** The general type of a status, for a problem that was built without one. */
    public static Optional<CommonProblem> of(int status) {
        return Arrays.stream(values()).filter(p -> p.status == status).findFirst();
    }
}
