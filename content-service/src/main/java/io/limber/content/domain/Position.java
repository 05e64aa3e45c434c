package io.limber.content.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The body position an exercise is done in. */
public enum Position implements Coded {
    @JsonProperty("lying")
    LYING("lying"),
    @JsonProperty("seated")
    SEATED("seated"),
    @JsonProperty("standing")
    STANDING("standing");

    private final String code;

    Position(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
