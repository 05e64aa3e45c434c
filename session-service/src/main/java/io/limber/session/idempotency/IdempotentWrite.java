package io.limber.session.idempotency;

/**
 * A write that takes an Idempotency-Key. Keys are per member and per write, so one key sent to
 * both writes makes two records; {@link #operation} is what the store keeps, the write's OpenAPI
 * operationId, and must not change once records exist.
 */
public enum IdempotentWrite {
    RECORD_SESSION("recordSession", "session"),
    REPORT_TOLERANCE("reportTolerance", "report");

    final String operation;

    /** What the write makes, as the refusal of a reused key names it. */
    final String makes;

    IdempotentWrite(String operation, String makes) {
        this.operation = operation;
        this.makes = makes;
    }
}
