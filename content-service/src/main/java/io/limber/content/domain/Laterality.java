package io.limber.content.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether an exercise is done once or once per side. */
public enum Laterality implements Coded {
    @JsonProperty("bilateral")
    BILATERAL("bilateral"),
    @JsonProperty("each-side")
    EACH_SIDE("each-side");

    private final String code;

    Laterality(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
