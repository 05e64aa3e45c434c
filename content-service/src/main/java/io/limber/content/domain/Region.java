package io.limber.content.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A body region an exercise targets. */
public enum Region implements Coded {
    @JsonProperty("neck")
    NECK("neck"),
    @JsonProperty("shoulders")
    SHOULDERS("shoulders"),
    @JsonProperty("shoulder-blades")
    SHOULDER_BLADES("shoulder-blades"),
    @JsonProperty("chest")
    CHEST("chest"),
    @JsonProperty("upper-back")
    UPPER_BACK("upper-back"),
    @JsonProperty("thoracic-spine")
    THORACIC_SPINE("thoracic-spine"),
    @JsonProperty("whole-spine")
    WHOLE_SPINE("whole-spine"),
    @JsonProperty("core")
    CORE("core"),
    @JsonProperty("arms")
    ARMS("arms");

    private final String code;

    Region(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
