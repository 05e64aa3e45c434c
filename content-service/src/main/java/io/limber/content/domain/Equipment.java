package io.limber.content.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Something an exercise needs; an exercise that needs nothing lists none. */
public enum Equipment implements Coded {
    @JsonProperty("yoga-mat")
    YOGA_MAT("yoga-mat"),
    @JsonProperty("pillow")
    PILLOW("pillow"),
    @JsonProperty("chair")
    CHAIR("chair"),
    @JsonProperty("wall")
    WALL("wall"),
    @JsonProperty("resistance-band")
    RESISTANCE_BAND("resistance-band"),
    @JsonProperty("door-anchor")
    DOOR_ANCHOR("door-anchor");

    private final String code;

    Equipment(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
