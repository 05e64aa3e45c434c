package io.limber.content.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What an exercise does for the member. */
public enum Kind implements Coded {
    @JsonProperty("stretch")
    STRETCH("stretch"),
    @JsonProperty("strengthen")
    STRENGTHEN("strengthen"),
    @JsonProperty("mobility")
    MOBILITY("mobility");

    private final String code;

    Kind(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
