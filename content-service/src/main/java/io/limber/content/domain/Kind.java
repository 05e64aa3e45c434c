package io.limber.content.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What an exercise does for the member. */
public enum Kind implements Coded {
    @JsonProperty("stretch")
    STRETCH("stretch"),
    @JsonProperty("strengthen")
    STRENGTHEN("strengthen"),
    @JsonProperty("mobility")
    MOBILITY("mobility"),
    /** A plain break from sitting (stand up and walk, roll the shoulders): what a prompt falls back to. */
    @JsonProperty("movement-break")
    MOVEMENT_BREAK("movement-break");

    private final String code;

    Kind(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
