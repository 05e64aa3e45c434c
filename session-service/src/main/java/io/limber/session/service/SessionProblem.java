package io.limber.session.service;

import io.limber.web.ProblemType;

/** The problems of session-service's own rules, as the problem registry ({@code docs/problems.md}) lists them. */
public final class SessionProblem {
    public static final ProblemType INVALID_DATE =
            new ProblemType("invalid-date", 400, "A date parameter is not an ISO date like 2026-01-31.");

    public static final ProblemType INVALID_DATE_RANGE = new ProblemType(
            "invalid-date-range", 400, "`to` is before `from`, or the range is longer than the service allows.");

    public static final ProblemType INVALID_STATUS = new ProblemType(
            "invalid-status", 400, "A safety-flag status filter is not open, acknowledged or resolved.");

    public static final ProblemType INVALID_TIME_ZONE =
            new ProblemType("invalid-time-zone", 400, "The time zone is not an IANA id such as Europe/Berlin.");

    public static final ProblemType INVALID_SESSION_TIMES = new ProblemType(
            "invalid-session-times",
            400,
            "`endedAt` is not after `startedAt`, is in the future, or the session is longer than the service allows.");

    public static final ProblemType INCOMPLETE_MORNING_CHECK_IN = new ProblemType(
            "incomplete-morning-check-in", 400, "Morning stiffness came without morning pain; send both or neither.");

    public static final ProblemType MEMBER_NOT_FOUND =
            new ProblemType("member-not-found", 404, "The clinician's employer has no member of this id.");

    public static final ProblemType EMPLOYER_NOT_FOUND =
            new ProblemType("employer-not-found", 404, "The admin's token is not for this employer.");

    public static final ProblemType SESSION_NOT_FOUND =
            new ProblemType("session-not-found", 404, "The member has no session of this id.");

    public static final ProblemType REPORT_NOT_FOUND =
            new ProblemType("report-not-found", 404, "The member has no tolerance report of this id.");

    public static final ProblemType SAFETY_FLAG_NOT_FOUND =
            new ProblemType("safety-flag-not-found", 404, "The clinician's employer has no safety flag of this id.");

    public static final ProblemType SESSION_ALREADY_REPORTED = new ProblemType(
            "session-already-reported",
            409,
            "The session already has its tolerance report; a session is reported once (a retry with the same"
                    + " `Idempotency-Key` gets the first answer instead).");

    public static final ProblemType ALREADY_CHECKED_IN =
            new ProblemType("already-checked-in", 409, "The report already has its morning check-in.");

    public static final ProblemType CHECK_IN_NOT_OPEN = new ProblemType(
            "check-in-not-open",
            409,
            "The morning check-in does not count yet: it opens early on the member's next local day after the"
                    + " session; `opensAt` says when.");

    public static final ProblemType CHECK_IN_CLOSED = new ProblemType(
            "check-in-closed",
            409,
            "The morning check-in no longer counts: its window closed at the end of the member's second local day"
                    + " after the session (configurable); `closesAt` says when.");

    public static final ProblemType NOT_STOPPED = new ProblemType(
            "not-stopped", 409, "The exercise is not stopped for the member, so there is nothing to clear.");

    public static final ProblemType FLAG_NOT_OPEN =
            new ProblemType("flag-not-open", 409, "The safety flag is not open, so it cannot be acknowledged.");

    public static final ProblemType FLAG_RESOLVED =
            new ProblemType("flag-resolved", 409, "The safety flag is already resolved.");

    public static final ProblemType UNKNOWN_EXERCISE =
            new ProblemType("unknown-exercise", 422, "The exercise is not in the published catalog.");

    public static final ProblemType UNKNOWN_REVISION =
            new ProblemType("unknown-revision", 422, "The exercise has no published revision of this number.");

    public static final ProblemType RETIRED_EXERCISE = new ProblemType(
            "retired-exercise", 422, "The exercise was retired from the catalog; it can no longer be recorded.");

    public static final ProblemType EXERCISE_NOT_IN_PROGRAM =
            new ProblemType("exercise-not-in-program", 422, "The exercise is not an item of the published program.");

    public static final ProblemType SESSION_EXERCISE_MISMATCH =
            new ProblemType("session-exercise-mismatch", 422, "The report names an exercise other than the session's.");

    public static final ProblemType IDEMPOTENCY_KEY_REUSED = new ProblemType(
            "idempotency-key-reused",
            422,
            "The `Idempotency-Key` was already used for a different request; use a new key for a new request.");

    private SessionProblem() {}
}
