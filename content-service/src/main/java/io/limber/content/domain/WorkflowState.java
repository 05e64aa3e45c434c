package io.limber.content.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where the working copy of an entry is in the review workflow. */
public enum WorkflowState implements Coded {
    @JsonProperty("draft")
    DRAFT("draft"),
    @JsonProperty("in-review")
    IN_REVIEW("in-review"),
    @JsonProperty("approved")
    APPROVED("approved"),
    @JsonProperty("published")
    PUBLISHED("published"),
    @JsonProperty("retired")
    RETIRED("retired");

    private final String code;

    WorkflowState(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
