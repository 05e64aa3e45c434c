package io.limber.session.service;

import io.limber.web.ProblemType;

/** The problems of session-service's own rules, as the problem registry ({@code docs/problems.md}) lists them. */
public enum SessionProblem implements ProblemType {
    INVALID_DATE("invalid-date", 400, "A date parameter is not an ISO date like 2026-01-31."),
    INVALID_DATE_RANGE(
            "invalid-date-range", 400, "`to` is before `from`, or the range is longer than the service allows."),
    INVALID_STATUS("invalid-status", 400, "A safety-flag status filter is not open, acknowledged or resolved."),
    INVALID_TIME_ZONE("invalid-time-zone", 400, "The time zone is not an IANA id such as Europe/Berlin."),
    INVALID_SESSION_TIMES(
            "invalid-session-times",
            400,
            "`endedAt` is not after `startedAt`, is in the future, or the session is longer than the service allows."),
    INCOMPLETE_MORNING_CHECK_IN(
            "incomplete-morning-check-in", 400, "Morning stiffness came without morning pain; send both or neither."),
    MEMBER_NOT_FOUND("member-not-found", 404, "The clinician's employer has no member of this id."),
    EMPLOYER_NOT_FOUND("employer-not-found", 404, "The admin's token is not for this employer."),
    SESSION_NOT_FOUND("session-not-found", 404, "The member has no session of this id."),
    REPORT_NOT_FOUND("report-not-found", 404, "The member has no tolerance report of this id."),
    SAFETY_FLAG_NOT_FOUND("safety-flag-not-found", 404, "The clinician's employer has no safety flag of this id."),
    SESSION_ALREADY_REPORTED(
            "session-already-reported",
            409,
            "The session already has its tolerance report; a session is reported once (a retry with the same"
                    + " `Idempotency-Key` gets the first answer instead)."),
    ALREADY_CHECKED_IN("already-checked-in", 409, "The report already has its morning check-in."),
    NOT_STOPPED("not-stopped", 409, "The exercise is not stopped for the member, so there is nothing to clear."),
    FLAG_NOT_OPEN("flag-not-open", 409, "The safety flag is not open, so it cannot be acknowledged."),
    FLAG_RESOLVED("flag-resolved", 409, "The safety flag is already resolved."),
    UNKNOWN_EXERCISE("unknown-exercise", 422, "The exercise is not in the published catalog."),
    UNKNOWN_REVISION("unknown-revision", 422, "The exercise has no published revision of this number."),
    RETIRED_EXERCISE(
            "retired-exercise", 422, "The exercise was retired from the catalog; it can no longer be recorded."),
    EXERCISE_NOT_IN_PROGRAM("exercise-not-in-program", 422, "The exercise is not an item of the published program."),
    SESSION_EXERCISE_MISMATCH(
            "session-exercise-mismatch", 422, "The report names an exercise other than the session's."),
    IDEMPOTENCY_KEY_REUSED(
            "idempotency-key-reused",
            422,
            "The `Idempotency-Key` was already used for a different request; use a new key for a new request.");

    private final String slug;
    private final int status;
    private final String meaning;

    SessionProblem(String slug, int status, String meaning) {
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
}
